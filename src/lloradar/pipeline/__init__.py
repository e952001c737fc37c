"""Pipeline steps: Load -> Validate -> Save, transactional and idempotent, with provenance."""

"""The ingest feature."""

"""Running the server: workers, pool, migrations, health, readiness, metrics, logs, backups."""

-- Reverses 021_ingest_progress.sql.
DROP TABLE ingest_progress;

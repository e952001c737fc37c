-- Reverses 023_progress_release.sql.
DROP TABLE progress_release;

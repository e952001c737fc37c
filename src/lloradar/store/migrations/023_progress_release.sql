-- The dates on which intervention progress figures were released (issue 18, finding 7): by an
-- analyst (`lloradar interventions release`) or a scheduled job. Readers see only released
-- dates, and only the populations the release recorded in disclosure_release.
CREATE TABLE progress_release (
    as_of DATE PRIMARY KEY,
    released_at TIMESTAMP NOT NULL,
    released_by TEXT NOT NULL
);

-- The employer view (issue 8, part 5): an employer's own team composition, saved only when the
-- employer asks, so the retirement-risk block can be reused. It belongs to the employer account:
-- only its owner reads it, every read and write is audit-logged, deleting the account deletes it.
-- Counts per occupation x age band, never a person. Portable SQL (DuckDB and PostgreSQL).
CREATE TABLE employer_team_profile (
    account_id     VARCHAR NOT NULL,
    line           INTEGER NOT NULL,
    occupation_id  VARCHAR NOT NULL,
    age_low        INTEGER NOT NULL,
    age_high       INTEGER,
    persons        INTEGER NOT NULL,
    saved_at       TIMESTAMP NOT NULL,
    PRIMARY KEY (account_id, line)
);

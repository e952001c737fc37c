-- Live source refresh (issue 17, `lloradar sources refresh`): per watched source (a CBS table,
-- a DUO file address) what it answered last time, so a refresh loads only what changed
-- (ETag / Last-Modified when the server sends them, else the checksum of the bytes).
CREATE TABLE source_state (
    source_key     VARCHAR PRIMARY KEY,
    url            VARCHAR NOT NULL,
    etag           VARCHAR,
    last_modified  VARCHAR,
    checksum       VARCHAR,
    source_id      VARCHAR,
    checked_at     TIMESTAMP NOT NULL,
    changed_at     TIMESTAMP
);

-- One row per source per refresh: the outcome (unchanged, loaded, refused, failed), why, and the
-- periods the load brought that the store did not have (space-separated, e.g. "2020KW03"): what
-- an alert "new CBS quarter for your sector" reads.
CREATE TABLE source_refresh (
    source_key   VARCHAR NOT NULL,
    checked_at   TIMESTAMP NOT NULL,
    outcome      VARCHAR NOT NULL,
    detail       VARCHAR NOT NULL DEFAULT '',
    rows_stored  INTEGER NOT NULL DEFAULT 0,
    new_periods  VARCHAR NOT NULL DEFAULT '',
    source_id    VARCHAR,
    PRIMARY KEY (source_key, checked_at)
);

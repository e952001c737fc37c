-- Batched, resumable ingest of large vacancy files (issue 22, item 4): each batch commits its
-- rows together with the position reached in the input, so a run that stopped half-way
-- continues after that position when it is started again, and never stores a row twice.
CREATE TABLE ingest_progress (
    source_id    VARCHAR PRIMARY KEY,
    location     VARCHAR NOT NULL,
    position     BIGINT NOT NULL,
    total        BIGINT NOT NULL,
    stored       BIGINT NOT NULL,
    quarantined  BIGINT NOT NULL,
    finished     BOOLEAN NOT NULL,
    updated_at   TIMESTAMP NOT NULL
);

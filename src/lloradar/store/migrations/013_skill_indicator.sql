-- Skill demand vs supply (issue 5), stored per run: one row per region x skill x month of the
-- latest run, and one row per run with what it used (engine, text-score threshold, extraction
-- methods, the provenance ids of the facts behind it). A run replaces the stored values; storing
-- the same run again gives the same rows (idempotent per run).

CREATE TABLE skill_indicator_run (
    run_id        VARCHAR PRIMARY KEY,
    engine        VARCHAR NOT NULL,
    started_at    TIMESTAMP NOT NULL,
    seconds       DOUBLE PRECISION NOT NULL,
    row_count     INTEGER NOT NULL,
    min_score     DOUBLE PRECISION NOT NULL,
    methods       VARCHAR NOT NULL DEFAULT '',
    source_ids    VARCHAR NOT NULL DEFAULT '',
    is_demo       BOOLEAN NOT NULL
);

-- demand_source: both | text | occupation | none (see analytics/indicators/skills.py).
-- NULL supply / ratio = suppressed (flag `suppressed`) or no stock (flag `no_stock`).
-- No primary key, as indicator_value: a run replaces the table, and DuckDB deletes many
-- indexed rows slowly; (run_id, region_code, skill_id, period) is unique by construction.
CREATE TABLE skill_indicator_value (
    run_id               VARCHAR NOT NULL,
    region_code          VARCHAR NOT NULL,
    skill_id             VARCHAR NOT NULL,
    period               DATE NOT NULL,
    demand               DOUBLE PRECISION NOT NULL,
    demand_source        VARCHAR NOT NULL,
    demand_text          BIGINT,
    demand_occupation    DOUBLE PRECISION,
    open_postings        BIGINT,
    supply_short         DOUBLE PRECISION,
    supply_experienced   DOUBLE PRECISION,
    demand_supply_ratio  DOUBLE PRECISION,
    real_shortage        BOOLEAN NOT NULL,
    is_demo              BOOLEAN NOT NULL,
    flags                VARCHAR NOT NULL DEFAULT ''
);

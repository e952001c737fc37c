-- The published indicator table (issue 15): what every page, API route, answer and factsheet
-- shows, one row per area (arbeidsmarktregio, provincie, land) x occupation (or "all", the
-- area's all-occupations total) x month, written by the publication step after each indicator
-- run (features/indicators/publish.py). A hidden count is NULL and `hidden` names it
-- (space-separated measures): fewer than 10 people, or shown it would give such a count away.
-- One reason for both: telling them apart would tell which hidden counts are the small ones.
-- `indicator_value` keeps the computed values for the engines and the analysts' CLI.
CREATE TABLE published_indicator (
    run_id                   VARCHAR NOT NULL,
    region_code              VARCHAR NOT NULL,
    region_level             VARCHAR NOT NULL,
    occupation_id            VARCHAR NOT NULL,
    period                   DATE NOT NULL,
    open_vacancies           BIGINT,
    job_seekers_short        BIGINT,
    interested               BIGINT,
    experienced              BIGINT,
    tension_ratio            DOUBLE PRECISION,
    tension_class            VARCHAR,
    tension_rank             BIGINT,
    tension_ratio_ma12       DOUBLE PRECISION,
    tension_ratio_yoy        DOUBLE PRECISION,
    open_vacancies_yoy       DOUBLE PRECISION,
    interested_per_vacancy   DOUBLE PRECISION,
    experienced_per_vacancy  DOUBLE PRECISION,
    days_open                DOUBLE PRECISION,
    fill_rate                DOUBLE PRECISION,
    hidden                   VARCHAR NOT NULL DEFAULT '',
    flags                    VARCHAR NOT NULL DEFAULT '',
    is_demo                  BOOLEAN NOT NULL
);

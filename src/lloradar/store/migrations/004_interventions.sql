-- Policy monitoring (issue 9): the register of regional interventions (HCA projects), their
-- KPIs, pseudonymised participants with their outcomes, and the disclosure release log.

-- One intervention in the fixed register format (docs/interventions-format.md). Lists are
-- stored as ';'-separated text, funders as JSON text.
CREATE TABLE intervention (
    intervention_id   VARCHAR PRIMARY KEY,
    name              VARCHAR NOT NULL,
    region_code       VARCHAR NOT NULL,
    theme             VARCHAR NOT NULL,
    status            VARCHAR NOT NULL,
    start_date        DATE NOT NULL,
    end_date          DATE,
    goals             VARCHAR NOT NULL DEFAULT '',
    target_group      VARCHAR NOT NULL DEFAULT '',
    sector_code       VARCHAR NOT NULL DEFAULT '',
    education_level   VARCHAR NOT NULL DEFAULT 'all',
    occupations       VARCHAR NOT NULL DEFAULT '',
    skills            VARCHAR NOT NULL DEFAULT '',
    budget_eur        DOUBLE PRECISION NOT NULL DEFAULT 0,
    funders           VARCHAR NOT NULL DEFAULT '[]',
    theory_of_change  VARCHAR NOT NULL DEFAULT '',
    source_id         VARCHAR NOT NULL
);

CREATE TABLE intervention_kpi (
    intervention_id  VARCHAR NOT NULL,
    measure          VARCHAR NOT NULL,
    target           DOUBLE PRECISION NOT NULL,
    target_date      DATE NOT NULL,
    source_id        VARCHAR NOT NULL,
    PRIMARY KEY (intervention_id, measure, target_date)
);

-- One registration per intervention x pseudonym (HMAC-SHA256 of the project's id; the raw id
-- is never stored), with the outcomes on the same row.
CREATE TABLE participant (
    intervention_id   VARCHAR NOT NULL,
    pseudonym         VARCHAR NOT NULL,
    start_date        DATE NOT NULL,
    completion_date   DATE,
    completion_pct    DOUBLE PRECISION,
    certificate       VARCHAR,
    employed_3m       BOOLEAN,
    employed_6m       BOOLEAN,
    employed_12m      BOOLEAN,
    job_sector        VARCHAR,
    job_occupation    VARCHAR,
    source_id         VARCHAR NOT NULL,
    PRIMARY KEY (intervention_id, pseudonym)
);

-- Every population whose count has been published, so a later count that differs from it
-- by 1..9 people is refused (analytics/disclosure.py, DisclosureLedger).
CREATE TABLE disclosure_release (
    population_id  VARCHAR PRIMARY KEY,
    size           INTEGER NOT NULL,
    members        VARCHAR NOT NULL,
    released_at    TIMESTAMP NOT NULL
);

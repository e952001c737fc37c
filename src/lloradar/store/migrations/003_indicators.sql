-- Labour-market indicators (issue 5): computed indicator values and their runs, individual
-- vacancy postings with their skills, CBS StatLine observations and DUO education supply.

CREATE TABLE indicator_run (
    run_id       VARCHAR PRIMARY KEY,
    engine       VARCHAR NOT NULL,
    started_at   TIMESTAMP NOT NULL,
    seconds      DOUBLE PRECISION NOT NULL,
    cells        INTEGER NOT NULL,
    is_demo      BOOLEAN NOT NULL
);

-- One value per indicator x region x occupation x month; NULL value = suppressed or no data,
-- the flags say which (space-separated names, see analytics/indicators/flags.py).
-- No primary key: a run replaces the whole table, and DuckDB deletes 1M indexed rows slowly
-- (12 s against 0.1 s); (name, region_code, occupation_id, period) is unique by construction.
CREATE TABLE indicator_value (
    name           VARCHAR NOT NULL,
    region_code    VARCHAR NOT NULL,
    region_level   VARCHAR NOT NULL,
    occupation_id  VARCHAR NOT NULL,
    period         DATE NOT NULL,
    value          DOUBLE PRECISION,
    class          VARCHAR,
    flags          VARCHAR NOT NULL DEFAULT '',
    run_id         VARCHAR NOT NULL
);

-- Individual vacancy postings (texts), one row per posting id.
CREATE TABLE vacancy (
    vacancy_id     VARCHAR PRIMARY KEY,
    title          VARCHAR NOT NULL,
    description    VARCHAR NOT NULL,
    employer       VARCHAR,
    location       VARCHAR,
    region_code    VARCHAR,
    occupation_id  VARCHAR,
    posted_on      DATE NOT NULL,
    closed_on      DATE,
    text_hash      VARCHAR NOT NULL,
    source_id      VARCHAR NOT NULL
);

CREATE TABLE vacancy_skill (
    vacancy_id  VARCHAR NOT NULL,
    skill_id    VARCHAR NOT NULL,
    method      VARCHAR NOT NULL,
    score       DOUBLE PRECISION NOT NULL,
    source_id   VARCHAR NOT NULL,
    PRIMARY KEY (vacancy_id, skill_id)
);

-- CBS StatLine observations in long form: one value per table x dimension codes x measure.
CREATE TABLE cbs_observation (
    table_id    VARCHAR NOT NULL,
    dimensions  VARCHAR NOT NULL,
    measure     VARCHAR NOT NULL,
    region_code VARCHAR,
    period      VARCHAR,
    value       DOUBLE PRECISION,
    status      VARCHAR NOT NULL DEFAULT '',
    source_id   VARCHAR NOT NULL,
    PRIMARY KEY (table_id, dimensions, measure)
);

-- DUO open education data: graduates (diploma) and enrolments per programme x institution x year.
CREATE TABLE education_supply (
    kind            VARCHAR NOT NULL,
    programme_code  VARCHAR NOT NULL,
    programme_name  VARCHAR NOT NULL,
    level           VARCHAR NOT NULL,
    institution     VARCHAR NOT NULL,
    gemeente        VARCHAR NOT NULL,
    variant         VARCHAR NOT NULL,
    year            INTEGER NOT NULL,
    persons         INTEGER NOT NULL,
    source_id       VARCHAR NOT NULL,
    PRIMARY KEY (kind, programme_code, institution, gemeente, variant, year)
);

-- Provenance, quarantine, reference dimensions and the labour-market facts.
-- Portable SQL: runs unchanged on DuckDB and PostgreSQL.

CREATE TABLE provenance (
    source_id     VARCHAR PRIMARY KEY,
    source        VARCHAR NOT NULL,
    source_table  VARCHAR NOT NULL,
    url           VARCHAR NOT NULL,
    retrieved_at  TIMESTAMP NOT NULL,
    licence       VARCHAR NOT NULL,
    checksum      VARCHAR NOT NULL,
    note          VARCHAR NOT NULL DEFAULT '',
    is_demo       BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE quarantine (
    source_id    VARCHAR NOT NULL,
    line         INTEGER NOT NULL,
    field        VARCHAR NOT NULL,
    value        VARCHAR NOT NULL,
    reason       VARCHAR NOT NULL,
    PRIMARY KEY (source_id, line, field)
);

CREATE TABLE region (
    code           VARCHAR PRIMARY KEY,
    name           VARCHAR NOT NULL,
    level          VARCHAR NOT NULL,
    parent_code    VARCHAR,
    province_code  VARCHAR,
    valid_from     DATE,
    valid_to       DATE,
    source_id      VARCHAR NOT NULL
);

CREATE TABLE region_geometry (
    code       VARCHAR NOT NULL,
    year       INTEGER NOT NULL,
    geojson    VARCHAR NOT NULL,
    source_id  VARCHAR NOT NULL,
    PRIMARY KEY (code, year)
);

CREATE TABLE isco_group (
    code         VARCHAR PRIMARY KEY,
    label_en     VARCHAR NOT NULL,
    label_nl     VARCHAR,
    parent_code  VARCHAR,
    level        INTEGER NOT NULL,
    source_id    VARCHAR NOT NULL
);

CREATE TABLE sector (
    code         VARCHAR PRIMARY KEY,
    label_nl     VARCHAR NOT NULL,
    label_en     VARCHAR,
    parent_code  VARCHAR,
    source_id    VARCHAR NOT NULL
);

CREATE TABLE occupation (
    id           VARCHAR PRIMARY KEY,
    label_en     VARCHAR NOT NULL,
    label_nl     VARCHAR,
    isco_code    VARCHAR,
    brc_code     VARCHAR,
    description  VARCHAR NOT NULL DEFAULT '',
    source_id    VARCHAR NOT NULL
);

CREATE TABLE skill (
    id           VARCHAR PRIMARY KEY,
    label_en     VARCHAR NOT NULL,
    label_nl     VARCHAR,
    skill_type   VARCHAR NOT NULL,
    reuse_level  VARCHAR,
    description  VARCHAR NOT NULL DEFAULT '',
    source_id    VARCHAR NOT NULL
);

CREATE TABLE occupation_skill (
    occupation_id  VARCHAR NOT NULL,
    skill_id       VARCHAR NOT NULL,
    relation       VARCHAR NOT NULL,
    source_id      VARCHAR NOT NULL,
    PRIMARY KEY (occupation_id, skill_id)
);

-- Vacancies per region x occupation x month (UWV-style counts).
CREATE TABLE vacancy_stats (
    region_code       VARCHAR NOT NULL,
    occupation_id     VARCHAR NOT NULL,
    period            DATE NOT NULL,
    open_vacancies    INTEGER NOT NULL,
    new_vacancies     INTEGER NOT NULL,
    filled_vacancies  INTEGER NOT NULL,
    days_open_filled  DOUBLE PRECISION,
    source_id         VARCHAR NOT NULL,
    PRIMARY KEY (region_code, occupation_id, period)
);

-- Job seekers per region x occupation x month: by benefit duration (< 6 months, longer),
-- interested (desired occupation) and experienced (previous occupation).
CREATE TABLE labour_supply (
    region_code         VARCHAR NOT NULL,
    occupation_id       VARCHAR NOT NULL,
    period              DATE NOT NULL,
    job_seekers_short   INTEGER NOT NULL,
    job_seekers_long    INTEGER NOT NULL,
    interested          INTEGER NOT NULL,
    experienced         INTEGER NOT NULL,
    source_id           VARCHAR NOT NULL,
    PRIMARY KEY (region_code, occupation_id, period)
);

-- Employed persons per region x SBI section x age band x year.
CREATE TABLE employment (
    region_code  VARCHAR NOT NULL,
    sector_code  VARCHAR NOT NULL,
    age_band     VARCHAR NOT NULL,
    year         INTEGER NOT NULL,
    persons      INTEGER NOT NULL,
    source_id    VARCHAR NOT NULL,
    PRIMARY KEY (region_code, sector_code, age_band, year)
);

-- Five-year forecasts and scenarios (issue 7): the occupation x region x age workforce the model
-- starts from, school leavers per programme and their occupations, and the stored forecast runs.

-- Employed persons per region x occupation x (main) sector x age band x year.
CREATE TABLE occupation_employment (
    region_code    VARCHAR NOT NULL,
    occupation_id  VARCHAR NOT NULL,
    sector_code    VARCHAR NOT NULL,
    age_band       VARCHAR NOT NULL,
    year           INTEGER NOT NULL,
    persons        INTEGER NOT NULL,
    source_id      VARCHAR NOT NULL,
    PRIMARY KEY (region_code, occupation_id, sector_code, age_band, year)
);

-- School leavers (gediplomeerden) per programme x region x year; `international` of them
-- came to the Netherlands to study.
CREATE TABLE school_leavers (
    region_code     VARCHAR NOT NULL,
    programme_code  VARCHAR NOT NULL,
    programme_name  VARCHAR NOT NULL,
    level           VARCHAR NOT NULL,
    year            INTEGER NOT NULL,
    persons         INTEGER NOT NULL,
    international   INTEGER NOT NULL,
    source_id       VARCHAR NOT NULL,
    PRIMARY KEY (region_code, programme_code, year)
);

-- Which occupations a programme's leavers enter, as shares that sum to one per programme.
CREATE TABLE programme_occupation (
    programme_code  VARCHAR NOT NULL,
    occupation_id   VARCHAR NOT NULL,
    share           DOUBLE PRECISION NOT NULL,
    source_id       VARCHAR NOT NULL,
    PRIMARY KEY (programme_code, occupation_id)
);

-- One forecast run: the scenario file as it was (text and hash), its name and version.
CREATE TABLE forecast_run (
    run_id         VARCHAR PRIMARY KEY,
    scenario       VARCHAR NOT NULL,
    version        VARCHAR NOT NULL,
    scenario_hash  VARCHAR NOT NULL,
    yaml_text      VARCHAR NOT NULL,
    base_year      INTEGER NOT NULL,
    horizon        INTEGER NOT NULL,
    is_demo        BOOLEAN NOT NULL,
    created_at     TIMESTAMP NOT NULL
);

-- Per run x region x occupation x year: stock, demand and supply components, the ratio of
-- supply to demand with its band, and the prospect class (ROA-ITA style).
CREATE TABLE forecast_value (
    run_id             VARCHAR NOT NULL,
    region_code        VARCHAR NOT NULL,
    occupation_id      VARCHAR NOT NULL,
    year               INTEGER NOT NULL,
    stock              DOUBLE PRECISION NOT NULL,
    expansion_demand   DOUBLE PRECISION NOT NULL,
    retirement         DOUBLE PRECISION NOT NULL,
    other_exits        DOUBLE PRECISION NOT NULL,
    extra_demand       DOUBLE PRECISION NOT NULL,
    demand             DOUBLE PRECISION NOT NULL,
    supply_school      DOUBLE PRECISION NOT NULL,
    supply_other       DOUBLE PRECISION NOT NULL,
    supply_extra       DOUBLE PRECISION NOT NULL,
    supply             DOUBLE PRECISION NOT NULL,
    inflow             DOUBLE PRECISION NOT NULL,
    outflow            DOUBLE PRECISION NOT NULL,
    ratio              DOUBLE PRECISION,
    ratio_low          DOUBLE PRECISION,
    ratio_high         DOUBLE PRECISION,
    prospect           VARCHAR NOT NULL,
    PRIMARY KEY (run_id, region_code, occupation_id, year)
);

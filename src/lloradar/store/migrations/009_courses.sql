-- The course catalogue (issue 8, career navigator): courses from schema.org Course JSON-LD or
-- CSV (docs/courses-format.md), their instances (dates, mode, place) and the skills they teach
-- or require, each skill link with the method that made it and its score.
-- Portable SQL: runs unchanged on DuckDB and PostgreSQL.

CREATE TABLE course (
    course_id      VARCHAR PRIMARY KEY,
    name           VARCHAR NOT NULL,
    description    VARCHAR NOT NULL DEFAULT '',
    provider       VARCHAR NOT NULL DEFAULT '',
    url            VARCHAR NOT NULL DEFAULT '',
    language       VARCHAR NOT NULL DEFAULT '',
    credential     VARCHAR NOT NULL DEFAULT '',
    prerequisites  VARCHAR NOT NULL DEFAULT '',
    workload       VARCHAR NOT NULL DEFAULT '',
    price_eur      DOUBLE PRECISION,
    source_id      VARCHAR NOT NULL
);

-- One row per planned run of a course; a course without instances has none.
CREATE TABLE course_instance (
    course_id    VARCHAR NOT NULL,
    seq          INTEGER NOT NULL,
    start_date   DATE,
    end_date     DATE,
    mode         VARCHAR NOT NULL DEFAULT '',
    location     VARCHAR NOT NULL DEFAULT '',
    region_code  VARCHAR,
    source_id    VARCHAR NOT NULL,
    PRIMARY KEY (course_id, seq)
);

-- relation: 'teaches' or 'requires'; method: 'identifier', 'label' or 'skills engine'.
CREATE TABLE course_skill (
    course_id  VARCHAR NOT NULL,
    skill_id   VARCHAR NOT NULL,
    relation   VARCHAR NOT NULL,
    method     VARCHAR NOT NULL,
    score      DOUBLE PRECISION NOT NULL,
    source_id  VARCHAR NOT NULL,
    PRIMARY KEY (course_id, skill_id, relation)
);

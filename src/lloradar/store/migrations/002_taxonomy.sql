-- The skills engine: one common taxonomy table, the skill-skill graph, O*NET.
-- Portable SQL: runs unchanged on DuckDB and PostgreSQL.

-- Every concept of every classification (ESCO occupations, skills and skill groups, ISCO-08
-- groups, O*NET occupations and elements). alt_labels holds one label per line.
CREATE TABLE taxonomy_concept (
    id           VARCHAR PRIMARY KEY,
    type         VARCHAR NOT NULL,
    label_nl     VARCHAR,
    label_en     VARCHAR NOT NULL,
    alt_labels   VARCHAR NOT NULL DEFAULT '',
    description  VARCHAR NOT NULL DEFAULT '',
    parent       VARCHAR,
    source_id    VARCHAR NOT NULL
);

-- Dutch alternative labels (ESCO nl occupations, Dutch skill collections), one per line.
CREATE TABLE taxonomy_label_nl (
    id          VARCHAR PRIMARY KEY,
    alt_labels  VARCHAR NOT NULL,
    source_id   VARCHAR NOT NULL
);

-- Broader/narrower links (ESCO hierarchy); a concept may have more than one broader concept.
CREATE TABLE taxonomy_broader (
    id          VARCHAR NOT NULL,
    broader_id  VARCHAR NOT NULL,
    source_id   VARCHAR NOT NULL,
    PRIMARY KEY (id, broader_id)
);

CREATE TABLE skill_relation (
    skill_id          VARCHAR NOT NULL,
    related_skill_id  VARCHAR NOT NULL,
    relation          VARCHAR NOT NULL,
    source_id         VARCHAR NOT NULL,
    PRIMARY KEY (skill_id, related_skill_id)
);

-- O*NET ratings of skills and knowledge per occupation: importance (IM, 1-5), level (LV, 0-7).
CREATE TABLE onet_rating (
    onet_code    VARCHAR NOT NULL,
    element_id   VARCHAR NOT NULL,
    importance   DOUBLE PRECISION,
    level        DOUBLE PRECISION,
    source_id    VARCHAR NOT NULL,
    PRIMARY KEY (onet_code, element_id)
);

CREATE TABLE onet_job_zone (
    onet_code  VARCHAR PRIMARY KEY,
    job_zone   INTEGER NOT NULL,
    source_id  VARCHAR NOT NULL
);

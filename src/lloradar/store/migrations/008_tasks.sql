-- Tasks of the future (issue 8, part 4; after TNO's Taken van de Toekomst): O*NET task
-- statements, the ESCO -> O*NET occupation link with a confidence per pair, the tasks each
-- occupation shows, and the personal ratings and teams built on them.
-- Portable SQL: runs unchanged on DuckDB and PostgreSQL.

-- O*NET 29.2 Task Statements: one row per task of an O*NET-SOC occupation.
CREATE TABLE onet_task (
    task_id        INTEGER PRIMARY KEY,
    onet_code      VARCHAR NOT NULL,
    task           VARCHAR NOT NULL,
    task_type      VARCHAR,
    incumbents     INTEGER,
    updated        VARCHAR,
    domain_source  VARCHAR,
    source_id      VARCHAR NOT NULL
);

-- Candidate links ESCO occupation -> O*NET occupation (the best few per occupation), each with
-- the method that made it, its component scores and one confidence in [0, 1].
CREATE TABLE occupation_onet_link (
    occupation_id  VARCHAR NOT NULL,
    onet_code      VARCHAR NOT NULL,
    onet_title     VARCHAR NOT NULL,
    rank           INTEGER NOT NULL,
    method         VARCHAR NOT NULL,
    title_score    DOUBLE PRECISION NOT NULL,
    label_score    DOUBLE PRECISION NOT NULL,
    group_score    DOUBLE PRECISION NOT NULL,
    confidence     DOUBLE PRECISION NOT NULL,
    source_id      VARCHAR NOT NULL,
    PRIMARY KEY (occupation_id, onet_code)
);

-- Where an occupation's tasks come from: 'onet' (the rank-1 link is good enough),
-- 'esco_essential_skills' (weak link: ESCO essential skills stand in) or 'demo_skills'.
CREATE TABLE occupation_task_source (
    occupation_id  VARCHAR PRIMARY KEY,
    label_en       VARCHAR NOT NULL,
    task_source    VARCHAR NOT NULL,
    onet_code      VARCHAR,
    confidence     DOUBLE PRECISION,
    source_id      VARCHAR NOT NULL
);

-- Personal: one person's answers to the four questions for one task of one occupation.
-- does_task yes/no; can_do, want_to_learn and energy on a 1-5 scale.
CREATE TABLE task_rating (
    account_id     VARCHAR NOT NULL,
    occupation_id  VARCHAR NOT NULL,
    task_key       VARCHAR NOT NULL,
    does_task      BOOLEAN NOT NULL,
    can_do         INTEGER NOT NULL,
    want_to_learn  INTEGER NOT NULL,
    energy         INTEGER NOT NULL,
    rated_at       TIMESTAMP NOT NULL,
    PRIMARY KEY (account_id, occupation_id, task_key)
);

-- An employer's team; workers join with its code and their consent.
CREATE TABLE task_team (
    code         VARCHAR PRIMARY KEY,
    account_id   VARCHAR NOT NULL,  -- the employer who owns the team (deleted with it)
    name         VARCHAR NOT NULL,
    created_at   TIMESTAMP NOT NULL
);

CREATE TABLE task_team_member (
    team_code     VARCHAR NOT NULL,
    account_id    VARCHAR NOT NULL,
    consented_at  TIMESTAMP NOT NULL,
    PRIMARY KEY (team_code, account_id)
);

-- The overlap ledger of a team view: every population (pseudonyms, one per line) whose
-- aggregates were shown, so a later view differing by 1-9 people is refused.
CREATE TABLE task_team_ledger (
    team_code       VARCHAR NOT NULL,
    population_key  VARCHAR NOT NULL,
    members         VARCHAR NOT NULL,
    answered_at     TIMESTAMP NOT NULL,
    PRIMARY KEY (team_code, population_key)
);

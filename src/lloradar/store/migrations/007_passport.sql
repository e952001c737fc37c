-- The skills passport (issue 8 part 2): one row of preferences per account, its skills and its
-- occupations of interest. Personal data: rows go when the account is deleted.

CREATE TABLE passport (
    account_id      VARCHAR PRIMARY KEY,
    region_code     VARCHAR,
    hours_per_week  INTEGER,
    updated_at      TIMESTAMP NOT NULL
);

CREATE TABLE passport_skill (
    account_id   VARCHAR NOT NULL,
    skill_uri    VARCHAR NOT NULL,
    label        VARCHAR NOT NULL,
    label_nl     VARCHAR,
    evidence     VARCHAR NOT NULL,
    level        VARCHAR NOT NULL,
    acquired_on  DATE,
    note         VARCHAR NOT NULL DEFAULT '',
    added_at     TIMESTAMP NOT NULL,
    PRIMARY KEY (account_id, skill_uri)
);

CREATE TABLE passport_occupation (
    account_id      VARCHAR NOT NULL,
    occupation_uri  VARCHAR NOT NULL,
    PRIMARY KEY (account_id, occupation_uri)
);

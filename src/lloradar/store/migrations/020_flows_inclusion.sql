-- Inclusion (issue 21): people at a distance from the labour market (afstand tot de
-- arbeidsmarkt) per labour-market region. Counts of people, never persons.
-- benefit_type: ww (unemployment), bijstand (social assistance), wia (disability, work-limited
-- after illness), wajong (young disabled), nug (no benefit, registered as looking for work).
CREATE TABLE inclusion_group (
    region_code      VARCHAR NOT NULL,
    benefit_type     VARCHAR NOT NULL,
    age_band         VARCHAR NOT NULL,
    education_level  VARCHAR NOT NULL,
    work_limited     BOOLEAN NOT NULL,
    persons          INTEGER NOT NULL,
    source_id        VARCHAR NOT NULL,
    PRIMARY KEY (region_code, benefit_type, age_band, education_level, work_limited)
);

-- The same people by the occupation they last worked in ('' none): the skills engine's start.
CREATE TABLE inclusion_occupation (
    region_code    VARCHAR NOT NULL,
    benefit_type   VARCHAR NOT NULL,
    occupation_id  VARCHAR NOT NULL,
    persons        INTEGER NOT NULL,
    source_id      VARCHAR NOT NULL,
    PRIMARY KEY (region_code, benefit_type, occupation_id)
);

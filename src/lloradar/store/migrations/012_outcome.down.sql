-- Reverses 012_outcome.sql: the outcomes go back onto the participant rows (employed after 3, 6
-- and 12 months, and the job) and the outcome table goes. The participant table is made again
-- in its 004 shape (columns in their old order, the same key), so a later 004 down or 012 up
-- finds what it expects; the rows wait in a staging table meanwhile.
-- The job of a participant is the one its outcome rows report (012 up copied the same job to
-- each moment, so they agree; should they not, the latest moment's job is kept).

CREATE TABLE participant_outcome_undo AS
SELECT p.intervention_id, p.pseudonym, p.start_date, p.completion_date, p.completion_pct,
       p.certificate,
       (SELECT o.employed FROM outcome o WHERE o.intervention_id = p.intervention_id
          AND o.pseudonym = p.pseudonym AND o.months = 3) AS employed_3m,
       (SELECT o.employed FROM outcome o WHERE o.intervention_id = p.intervention_id
          AND o.pseudonym = p.pseudonym AND o.months = 6) AS employed_6m,
       (SELECT o.employed FROM outcome o WHERE o.intervention_id = p.intervention_id
          AND o.pseudonym = p.pseudonym AND o.months = 12) AS employed_12m,
       (SELECT o.job_sector FROM outcome o WHERE o.intervention_id = p.intervention_id
          AND o.pseudonym = p.pseudonym AND o.job_sector IS NOT NULL
          ORDER BY o.months DESC LIMIT 1) AS job_sector,
       (SELECT o.job_occupation FROM outcome o WHERE o.intervention_id = p.intervention_id
          AND o.pseudonym = p.pseudonym AND o.job_occupation IS NOT NULL
          ORDER BY o.months DESC LIMIT 1) AS job_occupation,
       p.source_id
FROM participant p;

DROP TABLE participant;

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

INSERT INTO participant SELECT * FROM participant_outcome_undo;
DROP TABLE participant_outcome_undo;
DROP TABLE outcome;

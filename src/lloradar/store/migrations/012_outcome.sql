-- Policy monitoring (issue 9): outcomes split from registrations. A participant row is the
-- registration (start, completion, certificate); an outcome row is one measurement of that
-- registration 3, 6 or 12 months after its start: employed or not and, when employed, the
-- sector (SBI) and occupation of the job. Keyed by the participant's pseudonym.

CREATE TABLE outcome (
    intervention_id  VARCHAR NOT NULL,
    pseudonym        VARCHAR NOT NULL,
    months           INTEGER NOT NULL,
    employed         BOOLEAN NOT NULL,
    job_sector       VARCHAR,
    job_occupation   VARCHAR,
    source_id        VARCHAR NOT NULL,
    PRIMARY KEY (intervention_id, pseudonym, months)
);

-- Move the outcomes stored on participant rows. The job goes to the moments at which the
-- participant was employed; a participant never employed keeps a reported job on each known
-- moment, so nothing stored is dropped.
INSERT INTO outcome
SELECT intervention_id, pseudonym, 3, employed_3m,
       CASE WHEN employed_3m OR NOT (coalesce(employed_6m, FALSE) OR coalesce(employed_12m, FALSE))
            THEN job_sector END,
       CASE WHEN employed_3m OR NOT (coalesce(employed_6m, FALSE) OR coalesce(employed_12m, FALSE))
            THEN job_occupation END,
       source_id
FROM participant WHERE employed_3m IS NOT NULL;

INSERT INTO outcome
SELECT intervention_id, pseudonym, 6, employed_6m,
       CASE WHEN employed_6m OR NOT (coalesce(employed_3m, FALSE) OR coalesce(employed_12m, FALSE))
            THEN job_sector END,
       CASE WHEN employed_6m OR NOT (coalesce(employed_3m, FALSE) OR coalesce(employed_12m, FALSE))
            THEN job_occupation END,
       source_id
FROM participant WHERE employed_6m IS NOT NULL;

INSERT INTO outcome
SELECT intervention_id, pseudonym, 12, employed_12m,
       CASE WHEN employed_12m OR NOT (coalesce(employed_3m, FALSE) OR coalesce(employed_6m, FALSE))
            THEN job_sector END,
       CASE WHEN employed_12m OR NOT (coalesce(employed_3m, FALSE) OR coalesce(employed_6m, FALSE))
            THEN job_occupation END,
       source_id
FROM participant WHERE employed_12m IS NOT NULL;

ALTER TABLE participant DROP COLUMN employed_3m;
ALTER TABLE participant DROP COLUMN employed_6m;
ALTER TABLE participant DROP COLUMN employed_12m;
ALTER TABLE participant DROP COLUMN job_sector;
ALTER TABLE participant DROP COLUMN job_occupation;

-- The skill extractor's precomputed index (issue 20): per skill its vector (float32 bytes) and
-- its lemmatised label forms, written at taxonomy import and demo build, read at start-up.
-- A row is used only while `digest` matches the skill's labels and `model` the encoder.
CREATE TABLE skill_embedding (
    skill_id  VARCHAR PRIMARY KEY,
    digest    VARCHAR NOT NULL,
    model     VARCHAR NOT NULL,
    vector    BYTEA NOT NULL,
    forms     VARCHAR NOT NULL
);

-- Citizen panel (issue 21, part 5): survey waves with their versioned YAML definition, the
-- panel's members under the pseudonyms of the participants (HMAC-SHA256 of their own id, the raw
-- id is never stored), their e-mail address only to invite them, invitations with a hashed
-- personal link, consent per wave, answers, and the invitation outbox.

CREATE TABLE panel_wave (
    wave_id     VARCHAR PRIMARY KEY,
    version     INTEGER NOT NULL,
    title_nl    VARCHAR NOT NULL,
    title_en    VARCHAR NOT NULL,
    opens_on    DATE NOT NULL,
    closes_on   DATE NOT NULL,
    status      VARCHAR NOT NULL DEFAULT 'open',
    definition  VARCHAR NOT NULL,
    checksum    VARCHAR NOT NULL,
    source_id   VARCHAR NOT NULL
);

CREATE TABLE panel_question (
    wave_id      VARCHAR NOT NULL,
    question_id  VARCHAR NOT NULL,
    position     INTEGER NOT NULL,
    answer_type  VARCHAR NOT NULL,
    text_nl      VARCHAR NOT NULL,
    text_en      VARCHAR NOT NULL,
    options      VARCHAR NOT NULL DEFAULT '[]',
    min_value    INTEGER,
    max_value    INTEGER,
    PRIMARY KEY (wave_id, question_id)
);

-- One row per member: the group is 'bewoners' (residents) or 'interventie:<id>'.
CREATE TABLE panel_member (
    pseudonym     VARCHAR PRIMARY KEY,
    group_name    VARCHAR NOT NULL,
    region_code   VARCHAR,
    joined_at     TIMESTAMP NOT NULL,
    source_id     VARCHAR NOT NULL
);

-- The address a member is invited at; deleted with the member (withdrawal).
CREATE TABLE panel_contact (
    pseudonym  VARCHAR PRIMARY KEY,
    email      VARCHAR NOT NULL
);

CREATE TABLE panel_invitation (
    wave_id     VARCHAR NOT NULL,
    pseudonym   VARCHAR NOT NULL,
    token_hash  VARCHAR NOT NULL UNIQUE,
    invited_at  TIMESTAMP NOT NULL,
    PRIMARY KEY (wave_id, pseudonym)
);

CREATE TABLE panel_consent (
    wave_id    VARCHAR NOT NULL,
    pseudonym  VARCHAR NOT NULL,
    given_at   TIMESTAMP NOT NULL,
    PRIMARY KEY (wave_id, pseudonym)
);

CREATE TABLE panel_answer (
    wave_id      VARCHAR NOT NULL,
    pseudonym    VARCHAR NOT NULL,
    question_id  VARCHAR NOT NULL,
    value        VARCHAR NOT NULL,
    answered_at  TIMESTAMP NOT NULL,
    PRIMARY KEY (wave_id, pseudonym, question_id)
);

-- Invitations waiting for (or sent by) the SMTP sender: `lloradar panel send`.
CREATE TABLE panel_outbox (
    wave_id     VARCHAR NOT NULL,
    pseudonym   VARCHAR NOT NULL,
    recipient   VARCHAR NOT NULL,
    subject     VARCHAR NOT NULL,
    body        VARCHAR NOT NULL,
    created_at  TIMESTAMP NOT NULL,
    sent_at     TIMESTAMP,
    PRIMARY KEY (wave_id, pseudonym)
);

-- Alerts (issue 8 part 6): a person's subscriptions to a change, the last-seen state per
-- subscription, the events that fired, their deliveries (one row per channel, one per attempt)
-- and the e-mail outbox. Every table carries account_id, so deleting an account removes it all.

-- kind: tension_class | vacancies | courses; channel: feed | webhook | email.
-- target is the webhook URL or e-mail address; secret is the webhook's HMAC key; feed_token is
-- the secret part of the subscription's Atom feed URL.
CREATE TABLE alert_subscription (
    subscription_id  VARCHAR PRIMARY KEY,
    account_id       VARCHAR NOT NULL,
    kind             VARCHAR NOT NULL,
    region_code      VARCHAR,
    occupation_id    VARCHAR,
    skill_id         VARCHAR,
    channel          VARCHAR NOT NULL,
    target           VARCHAR NOT NULL DEFAULT '',
    lang             VARCHAR NOT NULL DEFAULT 'nl',
    secret           VARCHAR NOT NULL,
    feed_token       VARCHAR NOT NULL UNIQUE,
    created_at       TIMESTAMP NOT NULL
);

-- The watched state as last seen (JSON): evaluation compares against it, so it is idempotent.
CREATE TABLE alert_snapshot (
    subscription_id  VARCHAR PRIMARY KEY,
    account_id       VARCHAR NOT NULL,
    state            VARCHAR NOT NULL,
    observed_at      TIMESTAMP NOT NULL
);

-- event_id is a hash of the subscription and the change, so one change is one event.
CREATE TABLE alert_event (
    event_id         VARCHAR PRIMARY KEY,
    subscription_id  VARCHAR NOT NULL,
    account_id       VARCHAR NOT NULL,
    kind             VARCHAR NOT NULL,
    title_nl         VARCHAR NOT NULL,
    title_en         VARCHAR NOT NULL,
    details          VARCHAR NOT NULL,
    created_at       TIMESTAMP NOT NULL
);

-- status: pending | delivered | failed (gave up after the last attempt).
CREATE TABLE alert_delivery (
    event_id         VARCHAR NOT NULL,
    channel          VARCHAR NOT NULL,
    account_id       VARCHAR NOT NULL,
    status           VARCHAR NOT NULL,
    attempts         INTEGER NOT NULL,
    next_attempt_at  TIMESTAMP NOT NULL,
    last_error       VARCHAR NOT NULL DEFAULT '',
    PRIMARY KEY (event_id, channel)
);

CREATE TABLE alert_delivery_attempt (
    event_id    VARCHAR NOT NULL,
    channel     VARCHAR NOT NULL,
    attempt     INTEGER NOT NULL,
    account_id  VARCHAR NOT NULL,
    attempted_at  TIMESTAMP NOT NULL,
    ok          BOOLEAN NOT NULL,
    detail      VARCHAR NOT NULL,
    PRIMARY KEY (event_id, channel, attempt)
);

-- The e-mail outbox: written with the event, sent by the SMTP sender.
CREATE TABLE alert_outbox (
    event_id    VARCHAR PRIMARY KEY,
    account_id  VARCHAR NOT NULL,
    recipient   VARCHAR NOT NULL,
    subject     VARCHAR NOT NULL,
    body        VARCHAR NOT NULL,
    created_at  TIMESTAMP NOT NULL,
    sent_at     TIMESTAMP
);

-- Accounts (issue 8 part 1): people with a role, server-side sessions, the login attempts that
-- rate-limit logins, consent per purpose and the audit log of reads and writes of personal data.

-- The password is stored only as an argon2id hash (argon2-cffi's encoded form).
CREATE TABLE account (
    account_id     VARCHAR PRIMARY KEY,
    email          VARCHAR NOT NULL UNIQUE,
    role           VARCHAR NOT NULL,
    name           VARCHAR NOT NULL DEFAULT '',
    password_hash  VARCHAR NOT NULL,
    created_at     TIMESTAMP NOT NULL
);

-- A session row holds the SHA-256 of the token, never the token itself.
CREATE TABLE account_session (
    token_hash   VARCHAR PRIMARY KEY,
    account_id   VARCHAR NOT NULL,
    csrf_token   VARCHAR NOT NULL,
    created_at   TIMESTAMP NOT NULL,
    expires_at   TIMESTAMP NOT NULL
);

-- Failed logins per e-mail + client (hashed together), for the rate limit.
CREATE TABLE login_attempt (
    attempt_key  VARCHAR NOT NULL,
    attempted_at TIMESTAMP NOT NULL,
    succeeded    BOOLEAN NOT NULL
);

-- Who did what to whose personal data, for which purpose; never the content. The subject is a
-- pseudonym (HMAC of the account id), so the log reveals no identity outside the owner's view.
CREATE TABLE audit_log (
    logged_at  TIMESTAMP NOT NULL,
    actor      VARCHAR NOT NULL,
    action     VARCHAR NOT NULL,
    subject    VARCHAR NOT NULL,
    purpose    VARCHAR NOT NULL
);

CREATE TABLE consent (
    account_id    VARCHAR NOT NULL,
    purpose       VARCHAR NOT NULL,
    given_at      TIMESTAMP NOT NULL,
    withdrawn_at  TIMESTAMP,
    PRIMARY KEY (account_id, purpose)
);

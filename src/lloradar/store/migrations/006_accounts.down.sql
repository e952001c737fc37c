-- Reverses 006_accounts.sql: drops its tables, the last created first.
DROP TABLE consent;
DROP TABLE audit_log;
DROP TABLE login_attempt;
DROP TABLE account_session;
DROP TABLE account;

-- Reverses 010_alerts.sql: drops its tables, the last created first.
DROP TABLE alert_outbox;
DROP TABLE alert_delivery_attempt;
DROP TABLE alert_delivery;
DROP TABLE alert_event;
DROP TABLE alert_snapshot;
DROP TABLE alert_subscription;

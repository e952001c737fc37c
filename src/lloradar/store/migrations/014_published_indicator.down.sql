-- Reverses 014_published_indicator.sql: drops its tables, the last created first.
DROP TABLE published_indicator;

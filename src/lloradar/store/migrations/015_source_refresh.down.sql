-- Reverses 015_source_refresh.sql: drops its tables, the last created first.
DROP TABLE source_refresh;
DROP TABLE source_state;

-- Reverses 017_build_state.sql: drops its tables, the last created first.
DROP TABLE build_state;

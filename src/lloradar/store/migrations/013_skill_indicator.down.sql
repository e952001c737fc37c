-- Reverses 013_skill_indicator.sql: drops its tables, the last created first.
DROP TABLE skill_indicator_value;
DROP TABLE skill_indicator_run;

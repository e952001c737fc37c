-- Reverses 003_indicators.sql: drops its tables, the last created first.
DROP TABLE education_supply;
DROP TABLE cbs_observation;
DROP TABLE vacancy_skill;
DROP TABLE vacancy;
DROP TABLE indicator_value;
DROP TABLE indicator_run;

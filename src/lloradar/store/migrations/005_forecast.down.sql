-- Reverses 005_forecast.sql: drops its tables, the last created first.
DROP TABLE forecast_value;
DROP TABLE forecast_run;
DROP TABLE programme_occupation;
DROP TABLE school_leavers;
DROP TABLE occupation_employment;

-- Reverses 004_interventions.sql: drops its tables, the last created first.
DROP TABLE disclosure_release;
DROP TABLE participant;
DROP TABLE intervention_kpi;
DROP TABLE intervention;

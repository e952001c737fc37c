-- Reverses 001_core.sql: drops its tables, the last created first.
DROP TABLE employment;
DROP TABLE labour_supply;
DROP TABLE vacancy_stats;
DROP TABLE occupation_skill;
DROP TABLE skill;
DROP TABLE occupation;
DROP TABLE sector;
DROP TABLE isco_group;
DROP TABLE region_geometry;
DROP TABLE region;
DROP TABLE quarantine;
DROP TABLE provenance;

-- Reverses 002_taxonomy.sql: drops its tables, the last created first.
DROP TABLE onet_job_zone;
DROP TABLE onet_rating;
DROP TABLE skill_relation;
DROP TABLE taxonomy_broader;
DROP TABLE taxonomy_label_nl;
DROP TABLE taxonomy_concept;

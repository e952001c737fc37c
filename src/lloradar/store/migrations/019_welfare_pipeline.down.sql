-- Reverses 019_welfare_pipeline.sql: drops its tables, the last created first.
DROP TABLE statline_topic;
DROP TABLE statline_table;

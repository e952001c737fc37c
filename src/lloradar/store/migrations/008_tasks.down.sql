-- Reverses 008_tasks.sql: drops its tables, the last created first.
DROP TABLE task_team_ledger;
DROP TABLE task_team_member;
DROP TABLE task_team;
DROP TABLE task_rating;
DROP TABLE occupation_task_source;
DROP TABLE occupation_onet_link;
DROP TABLE onet_task;

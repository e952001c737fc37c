-- Reverses 020_flows_inclusion.sql.
DROP TABLE inclusion_occupation;
DROP TABLE inclusion_group;

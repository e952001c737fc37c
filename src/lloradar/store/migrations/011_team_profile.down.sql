-- Reverses 011_team_profile.sql: drops its tables, the last created first.
DROP TABLE employer_team_profile;

-- Reverses 007_passport.sql: drops its tables, the last created first.
DROP TABLE passport_occupation;
DROP TABLE passport_skill;
DROP TABLE passport;

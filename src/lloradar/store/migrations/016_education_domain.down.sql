-- Reverses 016_education_domain.sql: education_supply without the sector of education.
ALTER TABLE education_supply DROP COLUMN domain;

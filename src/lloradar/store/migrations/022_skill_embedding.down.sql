DROP TABLE skill_embedding;

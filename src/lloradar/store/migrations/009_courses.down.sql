-- Reverses 009_courses.sql: drops its tables, the last created first.
DROP TABLE course_skill;
DROP TABLE course_instance;
DROP TABLE course;

-- Creates a table and then fails: the host must leave the schema as it was before the attempt.
CREATE TABLE half_done (id integer);
SELECT 1 / 0;

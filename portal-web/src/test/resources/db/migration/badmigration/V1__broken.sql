-- Creates a table and then fails on a table that does not exist: the host must leave the schema as it was.
CREATE TABLE half_done (id integer PRIMARY KEY);
INSERT INTO half_done SELECT id FROM no_such_table;

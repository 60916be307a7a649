-- The smallest real schema: one table the isolation test tries to reach from the other plugins.
CREATE TABLE items (id integer PRIMARY KEY, name text NOT NULL);

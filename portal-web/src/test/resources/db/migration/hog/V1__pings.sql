CREATE TABLE pings (id integer PRIMARY KEY);

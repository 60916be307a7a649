-- Deployment and incident ids, service keys and commit shas are identifiers: compared for equality and kept in key
-- order, never shown in a language's order. Under the database's collation each comparison of them went through the
-- C library's strcoll (PostgreSQL compares bytes only under "C" and "POSIX", not under C.UTF-8 or en_US.UTF-8): in
-- every index insert and every sort of a batch. Inserting 1,000 rows sorted by such a key into a table keyed by it
-- took 7.5-8.1 ms under "C" against 9.0-9.9 under C.UTF-8 and 10.2-11.0 under ICU's en-US (three runs, interleaved).
-- Every such column of this schema changes together, so that the rows of a table are locked in one order by every
-- writer: a value from a column here sorts under "C", as does a value mixed with one (the database default yields).
-- Their indexes are rebuilt; the tables are not rewritten.
ALTER TABLE deployments ALTER COLUMN id TYPE text COLLATE "C", ALTER COLUMN service TYPE text COLLATE "C";
ALTER TABLE deployment_inbox ALTER COLUMN id TYPE text COLLATE "C";
ALTER TABLE commit_first_deploys ALTER COLUMN service TYPE text COLLATE "C", ALTER COLUMN sha TYPE text COLLATE "C",
    ALTER COLUMN first_deployment_id TYPE text COLLATE "C";
ALTER TABLE deploy_days ALTER COLUMN service TYPE text COLLATE "C";
ALTER TABLE incidents ALTER COLUMN id TYPE text COLLATE "C", ALTER COLUMN service TYPE text COLLATE "C",
    ALTER COLUMN deployment_id TYPE text COLLATE "C";

-- The home grid's changes, counted: every transaction that changes what a page of the grid is read from (the cells
-- in worst_signals, the rows in grid_rows with their ranks and totals, the basis) adds one here, in the changing
-- transaction. A portal keeps the grid's rendered page under the sum it read before reading the page, and serves it
-- again while the sum reads the same: one small read per request instead of the page's rows and totals, and a change
-- committed by any writer (a plugin's signal, a catalog import in another process, another instance) is a new sum on
-- the next request. The catalog's own edits move core.catalog_version, which the grid reads beside this.
--
-- The count is spread over 16 rows, one picked at random per transaction: a writer holds its row's lock until it
-- commits, and on one row every signal save of every connection would wait for the one before it to commit. The rows
-- only grow, so two reads that find the same sum, the later seeing every commit the earlier saw, found the same rows.
CREATE TABLE grid_changes (
    slot smallint PRIMARY KEY,
    n    bigint   NOT NULL
);
INSERT INTO grid_changes (slot, n) SELECT s, 0 FROM generate_series(0, 15) s;

-- Counted once per transaction: a signal batch of 1,000 saves that changes 1,000 cells adds one, not 1,000.
CREATE FUNCTION grid_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    -- Picked once: random() in the WHERE clause would be drawn again for every row it compares.
    picked smallint := floor(random() * 16)::smallint;
BEGIN
    IF coalesce(current_setting('vitals.grid_changed', true), '') = 'yes' THEN
        RETURN NULL;
    END IF;
    UPDATE core.grid_changes SET n = n + 1 WHERE slot = picked;
    PERFORM set_config('vitals.grid_changed', 'yes', true);
    RETURN NULL;
END
$$;

-- Deferred to the commit, so the count's row is the last lock a writer takes: taken at its first change, a writer
-- holding it could wait for a cell another writer holds while that writer waits for the count's row (a deadlock).
-- Per row, as constraint triggers are; the check above makes all but the first of a transaction's rows cheap.
CREATE CONSTRAINT TRIGGER worst_signals_changed AFTER INSERT OR UPDATE OR DELETE ON worst_signals
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION grid_changed();
CREATE CONSTRAINT TRIGGER grid_rows_changed AFTER INSERT OR UPDATE OR DELETE ON grid_rows
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION grid_changed();
CREATE CONSTRAINT TRIGGER grid_basis_changed AFTER INSERT OR UPDATE OR DELETE ON grid_basis
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION grid_changed();
-- A TRUNCATE already holds the table alone until it commits.
CREATE TRIGGER worst_signals_truncated_changed AFTER TRUNCATE ON worst_signals
    FOR EACH STATEMENT EXECUTE FUNCTION grid_changed();
CREATE TRIGGER grid_rows_truncated_changed AFTER TRUNCATE ON grid_rows
    FOR EACH STATEMENT EXECUTE FUNCTION grid_changed();

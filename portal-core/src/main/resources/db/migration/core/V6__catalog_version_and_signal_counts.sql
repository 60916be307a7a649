-- The catalog's version: one number that every change to the catalog tables raises, in the changing transaction.
-- Portal instances cache what pages show on every request (filter option lists, totals) under the version they read
-- before loading it, so an edit or an import on any instance is seen by all of them on their next request.
CREATE TABLE catalog_version (
    id      boolean PRIMARY KEY DEFAULT true CHECK (id),
    version bigint  NOT NULL
);
INSERT INTO catalog_version (id, version) VALUES (true, 1);

-- Raised once per transaction, and only by statements that changed rows: an import that finds nothing new keeps the
-- caches, and an import of 10,000 entities in batches updates the row once rather than once per batch row.
CREATE FUNCTION catalog_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF coalesce(current_setting('vitals.catalog_changed', true), '') = 'yes' THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'TRUNCATE' OR EXISTS (SELECT 1 FROM changed_rows) THEN
        UPDATE core.catalog_version SET version = version + 1;
        PERFORM set_config('vitals.catalog_changed', 'yes', true);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER catalog_entities_inserted AFTER INSERT ON catalog_entities
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_changed();
CREATE TRIGGER catalog_entities_updated AFTER UPDATE ON catalog_entities
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_changed();
CREATE TRIGGER catalog_entities_deleted AFTER DELETE ON catalog_entities
    REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_changed();
CREATE TRIGGER catalog_entities_truncated AFTER TRUNCATE ON catalog_entities
    FOR EACH STATEMENT EXECUTE FUNCTION catalog_changed();
CREATE TRIGGER catalog_relations_inserted AFTER INSERT ON catalog_relations
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_changed();
CREATE TRIGGER catalog_relations_updated AFTER UPDATE ON catalog_relations
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_changed();
CREATE TRIGGER catalog_relations_deleted AFTER DELETE ON catalog_relations
    REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_changed();
CREATE TRIGGER catalog_relations_truncated AFTER TRUNCATE ON catalog_relations
    FOR EACH STATEMENT EXECUTE FUNCTION catalog_changed();

-- How many latest signals have each status, by the kind of their subject (component, group…). The home page's
-- totals read four rows here instead of counting every service's signals on every request. A trigger keeps it, so
-- no writer of signal_latest can forget to.
CREATE TABLE signal_status_counts (
    subject_kind text   NOT NULL,
    status       text   NOT NULL,
    n            bigint NOT NULL,
    PRIMARY KEY (subject_kind, status)
);

CREATE FUNCTION count_signal_status(kind text, status text, delta bigint) RETURNS void LANGUAGE sql AS $$
    INSERT INTO core.signal_status_counts AS c (subject_kind, status, n) VALUES (kind, status, delta)
    ON CONFLICT (subject_kind, status) DO UPDATE SET n = c.n + excluded.n;
$$;

CREATE FUNCTION signal_status_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    old_key text[];
    new_key text[];
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        old_key := ARRAY[split_part(OLD.subject, ':', 1), OLD.status];
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        new_key := ARRAY[split_part(NEW.subject, ':', 1), NEW.status];
    END IF;
    IF old_key IS NOT DISTINCT FROM new_key THEN
        RETURN NULL;
    END IF;
    -- Both rows are touched in one order (the smaller key first), so two saves that swap statuses never deadlock.
    IF old_key IS NOT NULL AND (new_key IS NULL OR old_key < new_key) THEN
        PERFORM core.count_signal_status(old_key[1], old_key[2], -1);
        old_key := NULL;
    END IF;
    IF new_key IS NOT NULL THEN
        PERFORM core.count_signal_status(new_key[1], new_key[2], 1);
    END IF;
    IF old_key IS NOT NULL THEN
        PERFORM core.count_signal_status(old_key[1], old_key[2], -1);
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION signal_latest_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM core.signal_status_counts;
    RETURN NULL;
END
$$;

-- Other instances may be saving signals while this runs: hold them off until the counts and the trigger are in place.
LOCK TABLE signal_latest IN SHARE ROW EXCLUSIVE MODE;
INSERT INTO signal_status_counts (subject_kind, status, n)
SELECT split_part(subject, ':', 1), status, count(*) FROM signal_latest GROUP BY 1, 2;
CREATE TRIGGER signal_latest_counted AFTER INSERT OR UPDATE OR DELETE ON signal_latest
    FOR EACH ROW EXECUTE FUNCTION signal_status_changed();
CREATE TRIGGER signal_latest_truncated AFTER TRUNCATE ON signal_latest
    FOR EACH STATEMENT EXECUTE FUNCTION signal_latest_truncated();

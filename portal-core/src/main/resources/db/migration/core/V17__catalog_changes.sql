-- Which entities changed at which catalog version, so that a reader that derived something from the whole catalog at
-- one version can ask what changed since and apply only that (CatalogView.changesSince). One row per entity that
-- changed since this migration: the version of the last transaction that wrote its row or a relation written on it.
-- A row whose entity is no longer in catalog_entities is the entity's tombstone, with the version that removed it.
-- The rows are stamped by the triggers that raise the version, in the changing transaction, so every writer is seen:
-- the portal's importer and editor on any instance, the import command in its own process, and SQL.
CREATE TABLE catalog_changes (
    ref     text   PRIMARY KEY,
    version bigint NOT NULL
);
CREATE INDEX catalog_changes_version_idx ON catalog_changes (version);

-- Changes since an earlier version than this cannot be told: nothing was stamped before this migration, a TRUNCATE
-- names no entity, and pruned tombstones are gone. A reader that asks from before it reads the whole catalog again.
-- Writers hold this row's lock from their first change to their commit, so it is moved by one writer at a time.
LOCK TABLE catalog_version IN ACCESS EXCLUSIVE MODE;
LOCK TABLE catalog_entities IN SHARE ROW EXCLUSIVE MODE;
LOCK TABLE catalog_relations IN SHARE ROW EXCLUSIVE MODE;
ALTER TABLE catalog_version ADD COLUMN changes_from bigint NOT NULL DEFAULT 0;
UPDATE catalog_version SET changes_from = version;

-- Raises the version once per transaction, as before, and stamps the entities a statement changed with it: an entity
-- row's own reference, a relation's source (a relation is written on its source). An import writes row by row, a
-- statement per row, and one entity's relations one after another: a statement that changes the entity this
-- transaction stamped last stamps nothing again.
CREATE OR REPLACE FUNCTION catalog_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed text[];
    stamp bigint;
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        IF coalesce(current_setting('vitals.catalog_changed', true), '') <> 'yes' THEN
            UPDATE core.catalog_version SET version = version + 1;
            PERFORM set_config('vitals.catalog_changed', 'yes', true);
        END IF;
        UPDATE core.catalog_version SET changes_from = version;
        RETURN NULL;
    END IF;
    IF TG_TABLE_NAME = 'catalog_entities' THEN
        IF TG_OP = 'INSERT' THEN
            SELECT array_agg(DISTINCT ref) INTO changed FROM new_rows;
        ELSIF TG_OP = 'DELETE' THEN
            SELECT array_agg(DISTINCT ref) INTO changed FROM old_rows;
        ELSE
            SELECT array_agg(DISTINCT ref) INTO changed
              FROM (SELECT ref FROM old_rows UNION ALL SELECT ref FROM new_rows) r;
        END IF;
    ELSE
        IF TG_OP = 'INSERT' THEN
            SELECT array_agg(DISTINCT source_ref) INTO changed FROM new_rows;
        ELSIF TG_OP = 'DELETE' THEN
            SELECT array_agg(DISTINCT source_ref) INTO changed FROM old_rows;
        ELSE
            SELECT array_agg(DISTINCT source_ref) INTO changed
              FROM (SELECT source_ref FROM old_rows UNION ALL SELECT source_ref FROM new_rows) r;
        END IF;
    END IF;
    IF changed IS NULL THEN
        RETURN NULL;
    END IF;
    IF coalesce(current_setting('vitals.catalog_changed', true), '') <> 'yes' THEN
        UPDATE core.catalog_version SET version = version + 1 RETURNING version INTO stamp;
        PERFORM set_config('vitals.catalog_changed', 'yes', true);
    ELSIF cardinality(changed) = 1
            AND changed[1] = coalesce(current_setting('vitals.catalog_last_stamped', true), '') THEN
        RETURN NULL;
    ELSE
        SELECT version INTO stamp FROM core.catalog_version;
    END IF;
    INSERT INTO core.catalog_changes AS c (ref, version) SELECT unnest(changed), stamp
    ON CONFLICT (ref) DO UPDATE SET version = excluded.version WHERE c.version <> excluded.version;
    PERFORM set_config('vitals.catalog_last_stamped', CASE WHEN cardinality(changed) = 1 THEN changed[1] ELSE '' END,
                       true);
    RETURN NULL;
END
$$;

-- The same triggers as V6's, each now naming the rows both before and after an update: an update may move a relation
-- to another source, or an entity to another reference, and both entities changed.
DROP TRIGGER catalog_entities_inserted ON catalog_entities;
DROP TRIGGER catalog_entities_updated ON catalog_entities;
DROP TRIGGER catalog_entities_deleted ON catalog_entities;
DROP TRIGGER catalog_relations_inserted ON catalog_relations;
DROP TRIGGER catalog_relations_updated ON catalog_relations;
DROP TRIGGER catalog_relations_deleted ON catalog_relations;
CREATE TRIGGER catalog_entities_inserted AFTER INSERT ON catalog_entities
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_changed();
CREATE TRIGGER catalog_entities_updated AFTER UPDATE ON catalog_entities
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_changed();
CREATE TRIGGER catalog_entities_deleted AFTER DELETE ON catalog_entities
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_changed();
CREATE TRIGGER catalog_relations_inserted AFTER INSERT ON catalog_relations
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_changed();
CREATE TRIGGER catalog_relations_updated AFTER UPDATE ON catalog_relations
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_changed();
CREATE TRIGGER catalog_relations_deleted AFTER DELETE ON catalog_relations
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_changed();

-- A FOCUS import writes a million rows by COPY; per row, the foreign key to imports ran a trigger that looked the
-- import up again, nearly half of the database's work for the load. Rows are only ever written by the import that
-- created their imports row in the same transaction, and imports are never deleted, so the check can never fail.
ALTER TABLE charges DROP CONSTRAINT IF EXISTS charges_import_id_fkey;

-- A re-import replaces the earlier imports' rows of its billing accounts and periods. With the import in the key,
-- the index finds exactly those rows, without visiting the million rows the import has just written.
CREATE INDEX charges_by_billing_period_and_import ON charges (billing_account_id, billing_period_start, import_id);
DROP INDEX charges_by_billing_period;

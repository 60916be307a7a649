-- A FOCUS import writes a million rows by COPY, and every B-tree on `charges` costs an index insertion per row: with
-- the two below, the database's work for a load was about twice that of the rows alone. Both serve look-ups by
-- import (the history of the latest imports, detection since the last import seen, the replacement of earlier imports
-- of a billing account and period), and rows are appended import after import, so the import id follows the table's
-- physical order: a block range index (one summary per 128 pages, written only when the range is summarised) finds
-- those rows nearly as well and costs next to nothing per row. Ranges not yet summarised, the newest rows, are always
-- read and re-checked, so answers stay exact; autosummarize lets autovacuum summarise them soon after a load.
-- The charge-period B-tree stays: the answers read by day and ask for the first and last charge period.
CREATE INDEX charges_by_import_and_billing_period ON charges
    USING brin (import_id, billing_account_id, billing_period_start) WITH (autosummarize = on);
DROP INDEX charges_by_import;
DROP INDEX charges_by_billing_period_and_import;

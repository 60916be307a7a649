-- A FOCUS import writes a million rows by COPY, and the B-tree on the charge period cost an index insertion per row:
-- about 1.6 s of the database's CPU per million rows, a third more than the rows themselves. The range reads (a day's
-- or a month's charges, for the allocation, the forecast and the pages) are served as well by a block range index:
-- rows are appended file after file, and a file covers one billing period, so a range of blocks spans a month at most.
-- Ranges not yet summarised, the newest rows, are always read and re-checked, so answers stay exact.
--
-- What a block range index cannot answer is the first and last charge period, and the last before a day, which the
-- allocation and the forecast ask for. Those come from the distinct charge period starts of each billing account and
-- period, noted by the import as its rows stream in: an import replaces all earlier rows of the billing accounts and
-- periods it brings, so each billing account and period holds the rows of exactly one import, and its starts are
-- replaced with its rows. A month of hourly charges is 744 rows here, whatever the number of charges.
CREATE TABLE charge_starts (
    billing_account_id    text         NOT NULL,
    billing_period_start  timestamptz  NOT NULL,
    charge_period_start   timestamptz  NOT NULL,
    PRIMARY KEY (billing_account_id, billing_period_start, charge_period_start)
);
CREATE INDEX charge_starts_by_start ON charge_starts (charge_period_start);

INSERT INTO charge_starts (billing_account_id, billing_period_start, charge_period_start)
SELECT DISTINCT billing_account_id, billing_period_start, charge_period_start FROM charges;

CREATE INDEX charges_by_charge_period_range ON charges USING brin (charge_period_start) WITH (autosummarize = on);
DROP INDEX charges_by_charge_period;

-- Emptying the charges empties their starts with them, so the two never disagree.
CREATE FUNCTION charge_starts_emptied() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    DELETE FROM charge_starts;
    RETURN NULL;
END
$$;
CREATE TRIGGER charges_emptied AFTER TRUNCATE ON charges
    FOR EACH STATEMENT EXECUTE FUNCTION charge_starts_emptied();

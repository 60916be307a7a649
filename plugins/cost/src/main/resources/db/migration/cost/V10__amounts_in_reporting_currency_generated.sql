-- A charge's amounts in the reporting currency are its amounts times its rate, by definition: computed by the
-- database from the rate, they cannot disagree with it, a conversion sets the rate alone, and an import no longer
-- writes each amount twice into the COPY text (the two copies were an eighth of its bytes, and the database read
-- each as a number again). Same values as before: the rows hold rate 1 or the product the conversion wrote.
ALTER TABLE charges DROP COLUMN billed, DROP COLUMN cost;
ALTER TABLE charges
    ADD COLUMN billed numeric NOT NULL GENERATED ALWAYS AS (billed_cost * rate) STORED,
    ADD COLUMN cost numeric NOT NULL GENERATED ALWAYS AS (effective_cost * rate) STORED;

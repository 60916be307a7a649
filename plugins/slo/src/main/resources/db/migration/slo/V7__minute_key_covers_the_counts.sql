-- Evaluating an SLO reads the minutes at the ragged edges of its windows: a few dozen per SLO, each on another heap
-- page, since minutes of all SLOs arrive interleaved. With the counts in the primary key's index those reads are
-- index-only once autovacuum has marked the pages visible, which is every edge but the newest hour; the minute job
-- over every SLO spends most of its time there.
ALTER TABLE samples DROP CONSTRAINT samples_pkey;
ALTER TABLE samples ADD CONSTRAINT samples_pkey PRIMARY KEY (slo, minute) INCLUDE (good, total, value);

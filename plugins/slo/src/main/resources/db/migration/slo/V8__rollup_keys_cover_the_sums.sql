-- The same for the rollups as V7 for the minutes: a 30-day window adds about 30 day rows and a few dozen hour rows
-- per SLO, each on another heap page. With the sums in the keys' indexes, every row but those of the current hour and
-- day is read from the index alone. The price is that a rollup update can no longer be a heap-only update, which
-- ingest and COPY pay alike.
ALTER TABLE sample_hours DROP CONSTRAINT sample_hours_pkey;
ALTER TABLE sample_hours ADD CONSTRAINT sample_hours_pkey PRIMARY KEY (slo, hour)
    INCLUDE (good, total, minutes, slice_good);
ALTER TABLE sample_days DROP CONSTRAINT sample_days_pkey;
ALTER TABLE sample_days ADD CONSTRAINT sample_days_pkey PRIMARY KEY (slo, day)
    INCLUDE (good, total, minutes, slice_good);

-- Sums of the minute samples per UTC hour and per UTC day, so that a 30-day window reads about a hundred rows
-- instead of 43 200 minutes. Every number stays exact: a window adds whole days and hours from here and its ragged
-- edges from the minutes (see RollupCover). UTC buckets because local days in the org zone are not UTC-hour-aligned
-- in every zone (Asia/Kolkata) nor 24 hours long on DST days; the minute edges take care of both.
--
-- good/total are the sums of the occurrences columns, minutes the number of minute rows, slice_good the minutes whose
-- value is at most the SLO's slice threshold (recounted when the threshold changes).
CREATE TABLE sample_hours (
    slo        text        NOT NULL REFERENCES slos (name) ON DELETE CASCADE,
    hour       timestamptz NOT NULL,
    good       bigint      NOT NULL,
    total      bigint      NOT NULL,
    minutes    integer     NOT NULL,
    slice_good integer     NOT NULL,
    PRIMARY KEY (slo, hour)
);

CREATE TABLE sample_days (
    slo        text        NOT NULL REFERENCES slos (name) ON DELETE CASCADE,
    day        timestamptz NOT NULL,
    good       bigint      NOT NULL,
    total      bigint      NOT NULL,
    minutes    integer     NOT NULL,
    slice_good integer     NOT NULL,
    PRIMARY KEY (slo, day)
);

-- The rollups are kept by statement-level triggers on samples, so every way minutes are written or dropped (the API's
-- batches, the demo series generated in SQL, COPY, retention) keeps them equal to the minutes: one grouped upsert per
-- statement, in the same transaction, so a refused batch leaves no trace here either. search_path is fixed so that a
-- connection with another search_path (COPY by an operator) still finds the tables.
CREATE FUNCTION samples_added() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    -- Holding the SLOs' rows shares-locked keeps a concurrent change of the slice threshold from recounting before
    -- this batch commits, or this batch from counting against the threshold being replaced.
    PERFORM 1 FROM slos WHERE name IN (SELECT DISTINCT slo FROM added_rows) ORDER BY name FOR SHARE;
    INSERT INTO sample_hours AS r (slo, hour, good, total, minutes, slice_good)
    SELECT a.slo, date_trunc('hour', a.minute, 'UTC'), coalesce(sum(a.good), 0), coalesce(sum(a.total), 0),
           count(*), count(*) FILTER (WHERE a.value <= s.slice_threshold)
    FROM added_rows a JOIN slos s ON s.name = a.slo
    GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (slo, hour) DO UPDATE SET good = r.good + excluded.good, total = r.total + excluded.total,
        minutes = r.minutes + excluded.minutes, slice_good = r.slice_good + excluded.slice_good;
    INSERT INTO sample_days AS r (slo, day, good, total, minutes, slice_good)
    SELECT a.slo, date_trunc('day', a.minute, 'UTC'), coalesce(sum(a.good), 0), coalesce(sum(a.total), 0),
           count(*), count(*) FILTER (WHERE a.value <= s.slice_threshold)
    FROM added_rows a JOIN slos s ON s.name = a.slo
    GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (slo, day) DO UPDATE SET good = r.good + excluded.good, total = r.total + excluded.total,
        minutes = r.minutes + excluded.minutes, slice_good = r.slice_good + excluded.slice_good;
    RETURN NULL;
END $$;

CREATE FUNCTION samples_dropped() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    UPDATE sample_hours r SET good = r.good - d.good, total = r.total - d.total, minutes = r.minutes - d.minutes,
        slice_good = r.slice_good - d.slice_good
    FROM (SELECT o.slo, date_trunc('hour', o.minute, 'UTC') AS hour, coalesce(sum(o.good), 0) AS good,
                 coalesce(sum(o.total), 0) AS total, count(*) AS minutes,
                 count(*) FILTER (WHERE o.value <= s.slice_threshold) AS slice_good
          FROM dropped_rows o JOIN slos s ON s.name = o.slo GROUP BY 1, 2) d
    WHERE r.slo = d.slo AND r.hour = d.hour;
    DELETE FROM sample_hours r USING (SELECT DISTINCT slo, date_trunc('hour', minute, 'UTC') AS hour
                                      FROM dropped_rows) d
    WHERE r.slo = d.slo AND r.hour = d.hour AND r.minutes = 0;
    UPDATE sample_days r SET good = r.good - d.good, total = r.total - d.total, minutes = r.minutes - d.minutes,
        slice_good = r.slice_good - d.slice_good
    FROM (SELECT o.slo, date_trunc('day', o.minute, 'UTC') AS day, coalesce(sum(o.good), 0) AS good,
                 coalesce(sum(o.total), 0) AS total, count(*) AS minutes,
                 count(*) FILTER (WHERE o.value <= s.slice_threshold) AS slice_good
          FROM dropped_rows o JOIN slos s ON s.name = o.slo GROUP BY 1, 2) d
    WHERE r.slo = d.slo AND r.day = d.day;
    DELETE FROM sample_days r USING (SELECT DISTINCT slo, date_trunc('day', minute, 'UTC') AS day
                                     FROM dropped_rows) d
    WHERE r.slo = d.slo AND r.day = d.day AND r.minutes = 0;
    RETURN NULL;
END $$;

CREATE FUNCTION samples_truncated() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    TRUNCATE sample_hours, sample_days;
    RETURN NULL;
END $$;

-- A minute's numbers never change once stored (ingest refuses other numbers), so there is no UPDATE trigger.
CREATE FUNCTION samples_are_not_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'minute samples are not updated in place: the hourly and daily rollups would disagree';
END $$;

CREATE FUNCTION slice_threshold_changed() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    UPDATE sample_hours r SET slice_good = c.slice_good
    FROM (SELECT date_trunc('hour', minute, 'UTC') AS hour,
                 count(*) FILTER (WHERE value <= NEW.slice_threshold) AS slice_good
          FROM samples WHERE slo = NEW.name GROUP BY 1) c
    WHERE r.slo = NEW.name AND r.hour = c.hour;
    UPDATE sample_days r SET slice_good = c.slice_good
    FROM (SELECT date_trunc('day', minute, 'UTC') AS day,
                 count(*) FILTER (WHERE value <= NEW.slice_threshold) AS slice_good
          FROM samples WHERE slo = NEW.name GROUP BY 1) c
    WHERE r.slo = NEW.name AND r.day = c.day;
    RETURN NULL;
END $$;

CREATE TRIGGER samples_added AFTER INSERT ON samples REFERENCING NEW TABLE AS added_rows
    FOR EACH STATEMENT EXECUTE FUNCTION samples_added();
CREATE TRIGGER samples_dropped AFTER DELETE ON samples REFERENCING OLD TABLE AS dropped_rows
    FOR EACH STATEMENT EXECUTE FUNCTION samples_dropped();
CREATE TRIGGER samples_truncated AFTER TRUNCATE ON samples
    FOR EACH STATEMENT EXECUTE FUNCTION samples_truncated();
CREATE TRIGGER samples_are_not_updated BEFORE UPDATE ON samples
    FOR EACH STATEMENT EXECUTE FUNCTION samples_are_not_updated();
CREATE TRIGGER slice_threshold_changed AFTER UPDATE OF slice_threshold ON slos
    FOR EACH ROW WHEN (OLD.slice_threshold IS DISTINCT FROM NEW.slice_threshold)
    EXECUTE FUNCTION slice_threshold_changed();

-- The minutes stored before the rollups existed.
INSERT INTO sample_hours (slo, hour, good, total, minutes, slice_good)
SELECT a.slo, date_trunc('hour', a.minute, 'UTC'), coalesce(sum(a.good), 0), coalesce(sum(a.total), 0), count(*),
       count(*) FILTER (WHERE a.value <= s.slice_threshold)
FROM samples a JOIN slos s ON s.name = a.slo GROUP BY 1, 2;
INSERT INTO sample_days (slo, day, good, total, minutes, slice_good)
SELECT a.slo, date_trunc('day', a.minute, 'UTC'), coalesce(sum(a.good), 0), coalesce(sum(a.total), 0), count(*),
       count(*) FILTER (WHERE a.value <= s.slice_threshold)
FROM samples a JOIN slos s ON s.name = a.slo GROUP BY 1, 2;

-- Which minutes each transaction wrote or dropped, per SLO. The minute job keeps the sums of the settled part of every
-- window from one tick to the next and reads only the minutes that entered and left it since; this log tells it which
-- SLOs' settled minutes changed meanwhile (late data, a dropped SLO, a new slice threshold), so that it reads those
-- SLOs afresh. Transaction ids, not clock times, order the log: a write committed after a tick read the sums has an id
-- at or above that tick's snapshot xmin, however long its transaction ran.
CREATE TABLE sample_writes (
    xid       bigint      NOT NULL,
    slo       text        NOT NULL,
    -- The first and last minute written or dropped; -infinity to infinity when every minute counts anew.
    oldest    timestamptz NOT NULL,
    newest    timestamptz NOT NULL,
    logged_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sample_writes_by_xid ON sample_writes (xid);

-- The log keeps at least an hour (it is pruned with the minute data). Whoever reads it with an older snapshot than the last pruned write reads every SLO afresh.
CREATE TABLE sample_writes_pruned (
    only_row  boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    up_to_xid bigint  NOT NULL
);
INSERT INTO sample_writes_pruned (up_to_xid) VALUES (0);

CREATE FUNCTION log_sample_writes() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    INSERT INTO sample_writes (xid, slo, oldest, newest)
    SELECT pg_current_xact_id()::text::bigint, slo, min(minute), max(minute) FROM written_rows GROUP BY slo;
    RETURN NULL;
END $$;

CREATE TRIGGER samples_added_logged AFTER INSERT ON samples REFERENCING NEW TABLE AS written_rows
    FOR EACH STATEMENT EXECUTE FUNCTION log_sample_writes();
CREATE TRIGGER samples_dropped_logged AFTER DELETE ON samples REFERENCING OLD TABLE AS written_rows
    FOR EACH STATEMENT EXECUTE FUNCTION log_sample_writes();

-- Emptying the table changes every SLO's minutes.
CREATE FUNCTION log_samples_truncated() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    INSERT INTO sample_writes (xid, slo, oldest, newest)
    SELECT pg_current_xact_id()::text::bigint, name, '-infinity', 'infinity' FROM slos;
    RETURN NULL;
END $$;

CREATE TRIGGER samples_truncated_logged AFTER TRUNCATE ON samples
    FOR EACH STATEMENT EXECUTE FUNCTION log_samples_truncated();

-- A timeslices SLO's new threshold judges every minute anew.
CREATE FUNCTION log_slice_threshold_change() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    INSERT INTO sample_writes (xid, slo, oldest, newest)
    VALUES (pg_current_xact_id()::text::bigint, NEW.name, '-infinity', 'infinity');
    RETURN NULL;
END $$;

CREATE TRIGGER slice_threshold_change_logged AFTER UPDATE OF slice_threshold ON slos
    FOR EACH ROW WHEN (OLD.slice_threshold IS DISTINCT FROM NEW.slice_threshold)
    EXECUTE FUNCTION log_slice_threshold_change();

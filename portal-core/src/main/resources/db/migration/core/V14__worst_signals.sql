-- The home grid's cells, precomputed: per subject one row holding, for each plugin that has latest signals about it,
-- the worst of them (status, summary, link, how many). The grid reads one page of these rows instead of every
-- signal of every plugin about the page's services. A trigger on signal_latest keeps them in the transaction that
-- changes a signal, so no writer can forget them and they never disagree with the latest signals. Which plugins'
-- cells are shown (the started ones) is decided when the grid is read, as before: a disabled plugin's cell stays
-- here, as its signals stay in signal_latest, and shows again, current, when it starts again.
CREATE TABLE worst_signals (
    subject   text  PRIMARY KEY,
    by_plugin jsonb NOT NULL
);

-- One plugin's cell for one subject, or NULL when it has no signal about it: the worst status (a tie goes to the kind
-- first in order); a lone signal's summary, or every signal's "kind: summary", worst first; the worst one's link.
CREATE FUNCTION worst_signal(of_plugin text, of_subject text) RETURNS jsonb LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN count(*) = 0 THEN NULL ELSE jsonb_build_object(
        'status', (array_agg(status ORDER BY severity DESC, kind))[1],
        'summary', CASE WHEN count(*) = 1 THEN min(summary)
            ELSE string_agg(kind || ': ' || summary, '; ' ORDER BY severity DESC, kind) END,
        'link', (array_agg(link ORDER BY severity DESC, kind))[1],
        'signals', count(*)) END
    FROM (SELECT kind, status, summary, link,
                 CASE status WHEN 'OK' THEN 0 WHEN 'UNKNOWN' THEN 1 WHEN 'WARN' THEN 2 ELSE 3 END AS severity
          FROM core.signal_latest WHERE plugin = of_plugin AND subject = of_subject) s;
$$;

-- Recomputes one plugin's cell for one subject. The subject's row is locked before its signals are read: a save of
-- another kind by the same plugin, running at the same time, has then committed, and the read (a new snapshot) sees
-- it. Rows are kept even when they become empty, so the lock nearly always has a row to take. A cell that comes out
-- as it was is not written again.
CREATE FUNCTION refresh_worst_signal(of_plugin text, of_subject text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    cells jsonb;
    cell  jsonb;
BEGIN
    SELECT by_plugin INTO cells FROM core.worst_signals WHERE subject = of_subject FOR UPDATE;
    IF NOT FOUND THEN
        INSERT INTO core.worst_signals (subject, by_plugin) VALUES (of_subject, '{}') ON CONFLICT (subject) DO NOTHING;
        SELECT by_plugin INTO cells FROM core.worst_signals WHERE subject = of_subject FOR UPDATE;
    END IF;
    cell := core.worst_signal(of_plugin, of_subject);
    IF cell IS NOT DISTINCT FROM cells -> of_plugin THEN
        RETURN;
    END IF;
    UPDATE core.worst_signals
       SET by_plugin = CASE WHEN cell IS NULL THEN by_plugin - of_plugin
                            ELSE jsonb_set(by_plugin, ARRAY[of_plugin], cell) END
     WHERE subject = of_subject;
END
$$;

CREATE FUNCTION worst_signal_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM core.refresh_worst_signal(OLD.plugin, OLD.subject);
        RETURN NULL;
    END IF;
    IF TG_OP = 'UPDATE' AND (OLD.plugin, OLD.subject) IS DISTINCT FROM (NEW.plugin, NEW.subject) THEN
        PERFORM core.refresh_worst_signal(OLD.plugin, OLD.subject);
    ELSIF TG_OP = 'UPDATE' AND (OLD.status, OLD.summary, OLD.link, OLD.kind)
            IS NOT DISTINCT FROM (NEW.status, NEW.summary, NEW.link, NEW.kind) THEN
        RETURN NULL; -- a newer observation with the same verdict: the cell reads the same
    END IF;
    PERFORM core.refresh_worst_signal(NEW.plugin, NEW.subject);
    RETURN NULL;
END
$$;

CREATE FUNCTION worst_signals_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM core.worst_signals;
    RETURN NULL;
END
$$;

-- Other instances may be saving signals while this runs: hold them off until the rows and the trigger are in place.
LOCK TABLE signal_latest IN SHARE ROW EXCLUSIVE MODE;
INSERT INTO worst_signals (subject, by_plugin)
SELECT subject, jsonb_object_agg(plugin, core.worst_signal(plugin, subject))
FROM (SELECT DISTINCT plugin, subject FROM signal_latest) cells
GROUP BY subject;
CREATE TRIGGER signal_latest_worst AFTER INSERT OR UPDATE OR DELETE ON signal_latest
    FOR EACH ROW EXECUTE FUNCTION worst_signal_changed();
CREATE TRIGGER signal_latest_worst_truncated AFTER TRUNCATE ON signal_latest
    FOR EACH STATEMENT EXECUTE FUNCTION worst_signals_truncated();

-- The home grid's rows, precomputed: one per service (catalog Component) with its worst verdict among the plugins that
-- count, as a rank (CRITICAL 4, WARN 3, UNKNOWN 2, OK 1, no signal 0), the kinds of signal that warn about it, and
-- what the grid sorts and narrows by. With them a page of the grid, worst first, reads 50 index entries instead of
-- ranking every service per request, and its totals read a few counters instead of counting every service.
--
-- Which plugins count is the grid's basis: the started plugins when it was last set. The grid compares it with the
-- plugins started when it is read; when they differ (a plugin was just started or stopped) it sets the basis again,
-- which ranks every row anew, or, while another instance disagrees, ranks per request from the cells as before.
CREATE TABLE grid_basis (
    id      boolean     PRIMARY KEY DEFAULT true CHECK (id),
    plugins text[]      NOT NULL,              -- sorted
    set_by  text        NOT NULL,              -- the instance that set it
    set_at  timestamptz NOT NULL
);
INSERT INTO grid_basis (plugins, set_by, set_at) VALUES ('{}', '', '-infinity');

CREATE TABLE grid_rows (
    ref          text     PRIMARY KEY,
    owner_ref    text,
    system_ref   text,
    sort_name    text     NOT NULL,            -- lower(coalesce(title, name)), as every list sorts
    rank         smallint NOT NULL DEFAULT 0,
    warned_kinds text[]   NOT NULL DEFAULT '{}' -- kinds with a WARN or CRITICAL latest signal, sorted
);
CREATE INDEX grid_rows_worst_first_idx ON grid_rows (rank DESC, sort_name, ref);
CREATE INDEX grid_rows_team_idx ON grid_rows (owner_ref, rank DESC, sort_name, ref);
CREATE INDEX grid_rows_system_idx ON grid_rows (system_ref, rank DESC, sort_name, ref);

-- The grid's unfiltered totals: services per rank, and per kind the services it warns about. Kept by a trigger on
-- grid_rows; a kind's row stays at 0 when no service is warned about it any more.
CREATE TABLE grid_rank_counts (
    rank smallint PRIMARY KEY,
    n    bigint   NOT NULL
);
CREATE TABLE grid_kind_counts (
    kind text   PRIMARY KEY,
    n    bigint NOT NULL
);

-- A row's rank from its cells (core.worst_signals.by_plugin), over the plugins given.
CREATE FUNCTION grid_rank(cells jsonb, plugins text[]) RETURNS smallint LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(max(CASE cells -> p ->> 'status' WHEN 'CRITICAL' THEN 4 WHEN 'WARN' THEN 3 WHEN 'UNKNOWN' THEN 2
                                                     WHEN 'OK' THEN 1 ELSE 0 END), 0)::smallint
    FROM unnest(plugins) p;
$$;

CREATE FUNCTION grid_warned_kinds(of_subject text, plugins text[]) RETURNS text[] LANGUAGE sql STABLE AS $$
    SELECT coalesce(array_agg(DISTINCT kind ORDER BY kind), '{}') FROM core.signal_latest
    WHERE subject = of_subject AND plugin = ANY (plugins) AND status IN ('WARN', 'CRITICAL');
$$;

-- Writers of grid_rows take this lock before reading the basis, and setting the basis takes an EXCLUSIVE one: a row
-- is never ranked under a basis that is being replaced.
CREATE FUNCTION grid_basis_plugins() RETURNS text[] LANGUAGE plpgsql AS $$
DECLARE
    basis text[];
BEGIN
    LOCK TABLE core.grid_basis IN ROW SHARE MODE;
    SELECT plugins INTO basis FROM core.grid_basis;
    RETURN basis;
END
$$;

-- Ranks one service anew after a change of its signals. It runs after V14's trigger, which has locked the subject's
-- cell row: a change of another kind about the same subject, saved at the same moment, has committed before this reads.
CREATE FUNCTION grid_row_signal_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    basis    text[];
    subjects text[];
    s        text;
BEGIN
    IF TG_OP = 'UPDATE' AND (OLD.plugin, OLD.subject, OLD.kind, OLD.status)
            IS NOT DISTINCT FROM (NEW.plugin, NEW.subject, NEW.kind, NEW.status) THEN
        RETURN NULL; -- the same verdict: neither rank nor warned kinds move
    END IF;
    basis := core.grid_basis_plugins();
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.plugin = ANY (basis) THEN
        subjects := ARRAY[OLD.subject];
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.plugin = ANY (basis)
            AND NOT NEW.subject = ANY (coalesce(subjects, '{}')) THEN
        subjects := subjects || NEW.subject;
    END IF;
    IF subjects IS NULL THEN
        RETURN NULL; -- a plugin that does not count
    END IF;
    FOREACH s IN ARRAY subjects LOOP
        UPDATE core.grid_rows g
           SET rank = v.rank, warned_kinds = v.kinds
          FROM (SELECT core.grid_rank((SELECT by_plugin FROM core.worst_signals WHERE subject = s), basis) AS rank,
                       core.grid_warned_kinds(s, basis) AS kinds) v
         WHERE g.ref = s AND (g.rank, g.warned_kinds) IS DISTINCT FROM (v.rank, v.kinds);
    END LOOP;
    RETURN NULL;
END
$$;

CREATE FUNCTION grid_rows_signals_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM core.grid_basis_plugins();
    UPDATE core.grid_rows SET rank = 0, warned_kinds = '{}' WHERE rank <> 0 OR warned_kinds <> '{}';
    RETURN NULL;
END
$$;

CREATE FUNCTION grid_rows_entities_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM core.grid_rows;
    RETURN NULL;
END
$$;

-- Keeps a row per catalog Component. A new one is ranked from the signals already stored about it; its cell row is
-- locked first, so a signal saved at the same moment either is seen here or ranks the committed row itself.
CREATE FUNCTION grid_row_entity_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    basis text[];
    cells jsonb;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.kind = 'Component'
            AND (TG_OP = 'DELETE' OR NEW.kind <> 'Component' OR NEW.ref <> OLD.ref) THEN
        DELETE FROM core.grid_rows WHERE ref = OLD.ref;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.kind = 'Component' THEN
        IF TG_OP = 'UPDATE' AND OLD.kind = 'Component' AND OLD.ref = NEW.ref THEN
            UPDATE core.grid_rows
               SET owner_ref = NEW.owner_ref, system_ref = NEW.system_ref,
                   sort_name = lower(coalesce(NEW.title, NEW.name))
             WHERE ref = NEW.ref AND (owner_ref, system_ref, sort_name)
                   IS DISTINCT FROM (NEW.owner_ref, NEW.system_ref, lower(coalesce(NEW.title, NEW.name)));
        ELSE
            basis := core.grid_basis_plugins();
            SELECT by_plugin INTO cells FROM core.worst_signals WHERE subject = NEW.ref FOR SHARE;
            INSERT INTO core.grid_rows (ref, owner_ref, system_ref, sort_name, rank, warned_kinds)
            VALUES (NEW.ref, NEW.owner_ref, NEW.system_ref, lower(coalesce(NEW.title, NEW.name)),
                    core.grid_rank(cells, basis), core.grid_warned_kinds(NEW.ref, basis))
            ON CONFLICT (ref) DO NOTHING;
        END IF;
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION count_grid(of_rank smallint, kinds text[], delta bigint) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    k text;
BEGIN
    IF of_rank IS NOT NULL THEN
        INSERT INTO core.grid_rank_counts AS c (rank, n) VALUES (of_rank, delta)
        ON CONFLICT (rank) DO UPDATE SET n = c.n + excluded.n;
    END IF;
    FOREACH k IN ARRAY kinds LOOP
        INSERT INTO core.grid_kind_counts AS c (kind, n) VALUES (k, delta)
        ON CONFLICT (kind) DO UPDATE SET n = c.n + excluded.n;
    END LOOP;
END
$$;

-- Counts touch their rows in one order (ranks from the lowest, kinds by name), so two changes cannot deadlock on them.
CREATE FUNCTION grid_row_counted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    r smallint;
    k text;
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM core.count_grid(NEW.rank, NEW.warned_kinds, 1);
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM core.count_grid(OLD.rank, OLD.warned_kinds, -1);
    ELSE
        FOR r IN SELECT x FROM unnest(ARRAY[OLD.rank, NEW.rank]) x WHERE OLD.rank <> NEW.rank ORDER BY x LOOP
            PERFORM core.count_grid(r, '{}', CASE WHEN r = NEW.rank THEN 1 ELSE -1 END);
        END LOOP;
        FOR k IN SELECT x FROM (SELECT unnest(OLD.warned_kinds) UNION SELECT unnest(NEW.warned_kinds)) u (x)
                 WHERE (x = ANY (OLD.warned_kinds)) <> (x = ANY (NEW.warned_kinds)) ORDER BY x LOOP
            PERFORM core.count_grid(NULL, ARRAY[k], CASE WHEN k = ANY (NEW.warned_kinds) THEN 1 ELSE -1 END);
        END LOOP;
    END IF;
    RETURN NULL;
END
$$;

-- Sets the basis and ranks every row under it. The EXCLUSIVE lock waits for writers ranking rows under the old basis
-- and holds new ones off until the rows are ranked anew. Requests that found the same change at the same moment wait
-- here for the first one, and then find the basis set.
CREATE FUNCTION set_grid_basis(plugins text[], instance text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    LOCK TABLE core.grid_basis IN EXCLUSIVE MODE;
    IF (SELECT b.plugins FROM core.grid_basis b) = set_grid_basis.plugins THEN
        RETURN;
    END IF;
    UPDATE core.grid_basis SET plugins = set_grid_basis.plugins, set_by = instance, set_at = now();
    UPDATE core.grid_rows g
       SET rank = v.rank, warned_kinds = v.kinds
      FROM (SELECT r.ref, core.grid_rank(w.by_plugin, set_grid_basis.plugins) AS rank, coalesce(k.kinds, '{}') AS kinds
            FROM core.grid_rows r
            LEFT JOIN core.worst_signals w ON w.subject = r.ref
            LEFT JOIN (SELECT subject, array_agg(DISTINCT kind ORDER BY kind) AS kinds FROM core.signal_latest
                       WHERE plugin = ANY (set_grid_basis.plugins) AND status IN ('WARN', 'CRITICAL')
                       GROUP BY subject) k ON k.subject = r.ref) v
     WHERE g.ref = v.ref AND (g.rank, g.warned_kinds) IS DISTINCT FROM (v.rank, v.kinds);
END
$$;

-- Other instances may be importing or saving signals while this runs: hold them off until the rows are in place.
LOCK TABLE catalog_entities IN SHARE ROW EXCLUSIVE MODE;
LOCK TABLE signal_latest IN SHARE ROW EXCLUSIVE MODE;
CREATE TRIGGER grid_rows_counted AFTER INSERT OR UPDATE OR DELETE ON grid_rows
    FOR EACH ROW EXECUTE FUNCTION grid_row_counted();
INSERT INTO grid_rows (ref, owner_ref, system_ref, sort_name)
SELECT ref, owner_ref, system_ref, lower(coalesce(title, name)) FROM catalog_entities WHERE kind = 'Component';
-- Named to fire after signal_latest_worst (triggers of one event fire by name), whose cells the rank reads.
CREATE TRIGGER signal_latest_worst_grid AFTER INSERT OR UPDATE OR DELETE ON signal_latest
    FOR EACH ROW EXECUTE FUNCTION grid_row_signal_changed();
CREATE TRIGGER signal_latest_worst_grid_truncated AFTER TRUNCATE ON signal_latest
    FOR EACH STATEMENT EXECUTE FUNCTION grid_rows_signals_truncated();
CREATE TRIGGER catalog_entities_grid AFTER INSERT OR UPDATE OR DELETE ON catalog_entities
    FOR EACH ROW EXECUTE FUNCTION grid_row_entity_changed();
CREATE TRIGGER catalog_entities_grid_truncated AFTER TRUNCATE ON catalog_entities
    FOR EACH STATEMENT EXECUTE FUNCTION grid_rows_entities_truncated();

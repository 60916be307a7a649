-- Where each SLO stood when it was last evaluated: by the minute job, after new minutes arrived, after an edit. The
-- overview sorts and pages every SLO by budget left from here, so a request reads one page of rows in index order
-- instead of evaluating every SLO; it says when the figures were computed.
CREATE TABLE latest_statuses (
    slo          text        PRIMARY KEY REFERENCES slos (name) ON DELETE CASCADE,
    -- All four empty until the SLO's first evaluation.
    evaluated_at timestamptz,
    attainment   float8,
    remaining    float8,
    verdict      text,
    summary      text,
    CHECK ((evaluated_at IS NULL) = (verdict IS NULL) AND (verdict IS NULL) = (summary IS NULL))
);

-- The overview's order: least budget left first, SLOs without data or not yet evaluated last (ascending b-tree order
-- puts NULL last), then by name.
CREATE INDEX latest_statuses_by_remaining ON latest_statuses (remaining, slo);

-- Every SLO has its row from its creation on, whoever inserts it, so the overview never has to look for SLOs missing
-- here.
CREATE FUNCTION slos_added() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    INSERT INTO latest_statuses (slo) SELECT name FROM added_slos ORDER BY name ON CONFLICT (slo) DO NOTHING;
    RETURN NULL;
END $$;

CREATE TRIGGER slos_added AFTER INSERT ON slos REFERENCING NEW TABLE AS added_slos
    FOR EACH STATEMENT EXECUTE FUNCTION slos_added();

INSERT INTO latest_statuses (slo) SELECT name FROM slos;

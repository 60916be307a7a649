-- Writers now add their batch's share to deploy_days (INSERT ... ON CONFLICT DO UPDATE adding counts and lead times)
-- instead of recomputing the days they touch under one lock. A share that only moves a commit's lead time off the
-- day of a later deployment carries no deployment of its own, so the row proposed to the upsert may say 0; it only
-- ever lands on a day that has its deployment already.
ALTER TABLE deploy_days DROP CONSTRAINT deploy_days_deployments_check;
ALTER TABLE deploy_days ADD CONSTRAINT deploy_days_deployments_check CHECK (deployments >= 0);

-- The lead times of a day without one occurrence of each value in gone: when a deployment that arrives late shipped
-- a commit earlier than the one counted so far, the commit's lead time leaves the later deployment's day. The median
-- needs the values themselves, so they are taken out one by one rather than subtracted from a sum.
CREATE FUNCTION lead_hours_without(hours float8[], gone float8[]) RETURNS float8[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN gone IS NULL OR cardinality(gone) = 0 THEN hours ELSE (
        SELECT coalesce(array_agg(kept.v), '{}')
        FROM (SELECT v, row_number() OVER (PARTITION BY v) AS nth FROM unnest(hours) AS v) kept
        WHERE kept.nth > (SELECT count(*) FROM unnest(gone) AS g WHERE g = kept.v)) END
$$;

-- Cached DORA reports are keyed by this number. A row that every writer updated made concurrent writers wait for one
-- another's commit; a sequence never waits. Writers take a number in their transaction and another after it commits.
DROP TABLE dora_version;
CREATE SEQUENCE dora_version;
SELECT setval('dora_version', 1);

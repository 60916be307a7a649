-- The DORA keys per service and local date, kept at ingest so a team's report reads a few hundred rows instead of
-- every deployment and commit of the period. Every column is recomputed from deployments, incidents and
-- commit_first_deploys for the (service, day) pairs a write touches, so it equals what those tables say.
CREATE TABLE deploy_days (
    service     text     NOT NULL,
    day         date     NOT NULL, -- in the zone of deploy_days_zone
    deployments integer  NOT NULL CHECK (deployments > 0), -- counted: production, success or rolled back
    rolled_back integer  NOT NULL,
    failed      integer  NOT NULL, -- rolled back or named by an incident as its cause
    -- Lead times in hours of the commits whose first counted deployment finished that day, exactly as the median
    -- reads them: percentile_cont over the union of these arrays is the median over commit_first_deploys.
    lead_hours  float8[] NOT NULL,
    PRIMARY KEY (service, day)
);
CREATE INDEX deploy_days_day_idx ON deploy_days (day);

-- The time zone deploy_days was cut in. The plugin rebuilds the roll-up at start when the org zone differs, and
-- reports for any other zone read the events themselves.
CREATE TABLE deploy_days_zone (
    one  boolean PRIMARY KEY DEFAULT TRUE CHECK (one),
    zone text    NOT NULL
);

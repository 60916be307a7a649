-- An SLO may pull its minute data from Prometheus instead of being sent it: good and total queries for
-- occurrences, one value query for timeslices. Empty for SLOs whose data is sent to the API.
ALTER TABLE slos ADD COLUMN prometheus_good text, ADD COLUMN prometheus_total text, ADD COLUMN prometheus_value text;

-- Where each pulled SLO stands: the pull resumes at pulled_until (the first minute not yet pulled), and the last
-- attempt's outcome is shown on the SLO's page, so a failing query is seen rather than silently leaving a gap.
CREATE TABLE prometheus_pulls (
    slo           text        PRIMARY KEY REFERENCES slos (name) ON DELETE CASCADE,
    pulled_until  timestamptz,
    attempted_at  timestamptz NOT NULL,
    succeeded     boolean     NOT NULL,
    message       text        NOT NULL,
    minutes_added integer     NOT NULL DEFAULT 0
);

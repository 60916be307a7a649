-- Runs as role vitals_slo with search_path = slo.
CREATE TABLE slos (
    name            text PRIMARY KEY CHECK (name ~ '^[a-z0-9][a-z0-9._-]{0,99}$'),
    -- Exactly one owner: a service (catalog Component) or an availability component.
    service         text,
    component       text,
    team            text,
    objective       double precision NOT NULL CHECK (objective > 0 AND objective < 1),
    time_window     text NOT NULL CHECK (time_window IN ('7d', '28d', '30d', 'month', 'quarter')),
    method          text NOT NULL CHECK (method IN ('occurrences', 'timeslices')),
    slice_threshold double precision,
    description     text,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    CHECK ((service IS NULL) <> (component IS NULL)),
    CHECK ((method = 'timeslices') = (slice_threshold IS NOT NULL))
);
CREATE INDEX slos_service_idx ON slos (service);
CREATE INDEX slos_component_idx ON slos (component);

-- One row per SLO and minute. Occurrences fill good/total, timeslices fill value.
CREATE TABLE samples (
    slo    text        NOT NULL REFERENCES slos (name) ON DELETE CASCADE,
    minute timestamptz NOT NULL CHECK (date_trunc('minute', minute) = minute),
    good   bigint CHECK (good >= 0),
    total  bigint CHECK (total >= 0),
    value  double precision CHECK (value >= 0),
    PRIMARY KEY (slo, minute),
    CHECK (good <= total),
    CHECK ((good IS NULL AND total IS NULL) <> (value IS NULL))
);

-- Freeze windows: when the deploy gate says no. No team and no service means the whole organisation.
CREATE TABLE freeze_windows (
    id         bigserial   PRIMARY KEY,
    name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind       text        NOT NULL CHECK (kind IN ('weekends', 'weekdays', 'holiday', 'once')),
    team       text,
    service    text,
    from_day   smallint    CHECK (from_day BETWEEN 1 AND 7), -- ISO day of week, weekdays only
    to_day     smallint    CHECK (to_day BETWEEN 1 AND 7),
    holiday    text,                                        -- MM-DD, every year
    starts_at  timestamptz,                                 -- once only
    ends_at    timestamptz CHECK (ends_at > starts_at),
    created_by text        NOT NULL,
    created_at timestamptz NOT NULL
);

-- A request to open the gate for one service; it opens only once someone else approves it.
CREATE TABLE break_glass_requests (
    id                 bigserial   PRIMARY KEY,
    service            text        NOT NULL,
    reason             text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    requested_by       text        NOT NULL,
    requested_at       timestamptz NOT NULL,
    request_expires_at timestamptz NOT NULL,
    approved_by        text,
    approved_at        timestamptz,
    open_until         timestamptz,
    CHECK (approved_by IS NULL OR approved_by <> requested_by)
);
CREATE INDEX break_glass_service_idx ON break_glass_requests (service, open_until);

-- Who did what to the gate, append only: freezes made and removed, break-glass requested, approved or refused.
CREATE TABLE gate_log (
    id      bigserial   PRIMARY KEY,
    at      timestamptz NOT NULL,
    actor   text        NOT NULL,
    action  text        NOT NULL,
    subject text        NOT NULL,
    detail  text        NOT NULL
);

-- The latest error-budget verdict per service, as the SLO plugin signalled it; never its tables.
CREATE TABLE error_budget_signals (
    service     text        PRIMARY KEY,
    status      text        NOT NULL,
    summary     text        NOT NULL,
    observed_at timestamptz NOT NULL
);

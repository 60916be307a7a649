-- Calls seen between two entities on one day, e.g. from tracing. One row per (from, to, day): sending a day again
-- replaces it, so a replayed batch changes nothing.
CREATE TABLE observed_edges (
    from_ref    text        NOT NULL,
    to_ref      text        NOT NULL,
    day         date        NOT NULL,
    calls       bigint      NOT NULL CHECK (calls >= 0),
    errors      bigint      NOT NULL CHECK (errors >= 0 AND errors <= calls),
    received_at timestamptz NOT NULL,
    PRIMARY KEY (from_ref, to_ref, day)
);

-- The graph reads the last 30 days.
CREATE INDEX observed_edges_day ON observed_edges (day);

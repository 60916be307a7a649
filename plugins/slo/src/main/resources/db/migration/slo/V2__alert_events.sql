-- When each burn-rate alert of an SLO started and stopped firing: the alert history on the pages, the alerts counted
-- in the monthly review, and the record notifications are sent from.
CREATE TABLE alert_events (
    id          bigserial PRIMARY KEY,
    slo         text        NOT NULL REFERENCES slos (name) ON DELETE CASCADE,
    severity    text        NOT NULL CHECK (severity IN ('page', 'ticket')),
    rule        text        NOT NULL,
    started_at  timestamptz NOT NULL,
    resolved_at timestamptz,
    CHECK (resolved_at IS NULL OR resolved_at >= started_at)
);
-- One open event per alert rule, so two evaluations racing on several portal instances open it once.
CREATE UNIQUE INDEX alert_events_open_idx ON alert_events (slo, rule) WHERE resolved_at IS NULL;
CREATE INDEX alert_events_slo_idx ON alert_events (slo, started_at DESC);

-- The outbox of alert notifications: written in the same transaction as the alert event, sent by a job that runs
-- once across portal instances and locks each row while it sends, so every webhook hears of each change once.
CREATE TABLE alert_notifications (
    id              bigserial PRIMARY KEY,
    event_id        bigint      NOT NULL REFERENCES alert_events (id) ON DELETE CASCADE,
    change          text        NOT NULL CHECK (change IN ('fired', 'resolved')),
    target          text        NOT NULL,
    payload         text        NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    delivered_at    timestamptz,
    last_error      text,
    UNIQUE (event_id, change, target)
);
CREATE INDEX alert_notifications_due_idx ON alert_notifications (next_attempt_at) WHERE delivered_at IS NULL;

-- One service's day whose cost fell above its expected band. Re-detection replaces an undismissed row; a dismissed
-- one keeps its dismissal (who, when, why) so the decision stays on record.
CREATE TABLE anomalies (
    id            bigserial    PRIMARY KEY,
    service       text         NOT NULL,
    day           date         NOT NULL,
    cost          numeric      NOT NULL,
    expected      numeric      NOT NULL,
    low           numeric      NOT NULL,
    high          numeric      NOT NULL,
    score         numeric      NOT NULL,
    method        text         NOT NULL,
    history_days  integer      NOT NULL,
    detected_at   timestamptz  NOT NULL,
    dismissed_at  timestamptz,
    dismissed_by  text,
    reason        text         CHECK (reason IN ('planned', 'known')),
    note          text,
    UNIQUE (service, day)
);
CREATE INDEX anomalies_by_day ON anomalies (day);

-- A team's period-over-period thresholds; teams without a row use the defaults.
CREATE TABLE team_alert_settings (
    team          text         PRIMARY KEY,
    relative      numeric      NOT NULL CHECK (relative > 0),
    floor         numeric      NOT NULL CHECK (floor >= 0),
    periods       text[]       NOT NULL,
    webhook       text,
    changed_by    text         NOT NULL,
    changed_at    timestamptz  NOT NULL
);

-- A service's or team's cost that rose over a period by more than both thresholds.
CREATE TABLE alerts (
    id            bigserial    PRIMARY KEY,
    subject_kind  text         NOT NULL CHECK (subject_kind IN ('service', 'team')),
    subject       text         NOT NULL,
    team          text,
    period        text         NOT NULL CHECK (period IN ('day', 'week', 'month')),
    day           date         NOT NULL,
    current_cost  numeric      NOT NULL,
    previous_cost numeric      NOT NULL,
    detected_at   timestamptz  NOT NULL,
    UNIQUE (subject_kind, subject, period, day)
);
CREATE INDEX alerts_by_day ON alerts (day);

-- Messages to teams' webhooks. The key makes a finding enqueued once however many instances detect it; a sender
-- claims rows with FOR UPDATE SKIP LOCKED, so each is sent by one instance.
CREATE TABLE notifications (
    id            bigserial    PRIMARY KEY,
    key           text         NOT NULL UNIQUE,
    team          text         NOT NULL,
    text          text         NOT NULL,
    created_at    timestamptz  NOT NULL,
    attempts      integer      NOT NULL DEFAULT 0,
    next_attempt  timestamptz  NOT NULL,
    sent_at       timestamptz,
    cancelled_at  timestamptz,
    last_error    text
);
CREATE INDEX notifications_due ON notifications (next_attempt) WHERE sent_at IS NULL AND cancelled_at IS NULL;

-- The last cost-anomaly signal status published per service, so that only changes are published.
CREATE TABLE signal_states (
    service       text         PRIMARY KEY,
    status        text         NOT NULL,
    since         timestamptz  NOT NULL
);

-- How far detection has looked: the newest import it saw and the last organisation day of its daily run.
CREATE TABLE detection_marks (
    name          text         PRIMARY KEY,
    import_id     bigint       NOT NULL DEFAULT 0,
    day           date
);

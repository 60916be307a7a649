-- Webhook senders with their own secret: one GitHub organisation or PagerDuty account each. The secret is the HMAC
-- key itself, because verifying a signature needs it; it is stored as it is, so anyone who can read this schema or
-- its backups can read it. Database access control is what protects it.
CREATE TABLE integrations (
    name       text        PRIMARY KEY CHECK (name ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    kind       text        NOT NULL CHECK (kind IN ('github', 'pagerduty')),
    secret     text        NOT NULL,
    created_by text        NOT NULL,
    created_at timestamptz NOT NULL,
    rotated_at timestamptz
);

-- A one-time look at a secret just made, for the admin page after a form post; consumed when shown.
CREATE TABLE integration_reveals (
    token       text        PRIMARY KEY,
    integration text        NOT NULL REFERENCES integrations (name) ON DELETE CASCADE,
    expires_at  timestamptz NOT NULL
);

-- Who added, rotated or deleted which integration's secret, append only; secrets never appear here.
CREATE TABLE integration_log (
    id          bigserial   PRIMARY KEY,
    at          timestamptz NOT NULL,
    actor       text        NOT NULL,
    action      text        NOT NULL CHECK (action IN ('added', 'rotated', 'deleted')),
    integration text        NOT NULL,
    kind        text        NOT NULL
);

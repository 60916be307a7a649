-- Browser sessions live here, not in a portal instance's memory, so any instance behind the load balancer can
-- answer any request. Only a hash of the session secret is stored: a copy of this table signs nobody in.
CREATE TABLE sessions (
    secret_hash text PRIMARY KEY,
    user_name   text        NOT NULL,
    email       text,
    groups      text[]      NOT NULL DEFAULT '{}',
    csrf_token  text        NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL
);
CREATE INDEX sessions_expires_at_idx ON sessions (expires_at);

-- API tokens for machines. The secret is shown once and stored as its SHA-256 hash.
CREATE TABLE api_tokens (
    id           bigserial PRIMARY KEY,
    name         text        NOT NULL,
    secret_hash  text        NOT NULL UNIQUE,
    scopes       text[]      NOT NULL,
    team         text,
    created_by   text        NOT NULL,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz,
    revoked_at   timestamptz,
    revoked_by   text,
    last_used_at timestamptz,
    last_used_from text
);

-- Roles granted to a person (by login) or to a group (as the sign-in provider names it). An editor grant names
-- the team whose data it may change; viewer is everyone signed in and needs no grant.
CREATE TABLE role_grants (
    id         bigserial PRIMARY KEY,
    grantee    text        NOT NULL,
    kind       text        NOT NULL CHECK (kind IN ('user', 'group')),
    role       text        NOT NULL CHECK (role IN ('EDITOR', 'ADMIN')),
    team       text        NOT NULL DEFAULT '',
    granted_by text        NOT NULL,
    granted_at timestamptz NOT NULL,
    CHECK ((role = 'EDITOR') = (team <> '')),
    UNIQUE (grantee, kind, role, team)
);

CREATE INDEX audit_log_actor_idx ON audit_log (actor, at DESC);
CREATE INDEX audit_log_action_idx ON audit_log (action, at DESC);

-- Runs as role vitals_deploys with search_path = deploys.

-- One row per deployment event; id is the sender's key. content is the event as received, in a canonical form,
-- so that a replay can be told apart from a different event reusing the id.
CREATE TABLE deployments (
    id          text        PRIMARY KEY,
    service     text        NOT NULL,
    environment text        NOT NULL, -- after aliases: 'production' for prod, prd, live…
    status      text        NOT NULL CHECK (status IN ('success', 'failure', 'rolled_back')),
    started_at  timestamptz NOT NULL,
    finished_at timestamptz NOT NULL CHECK (finished_at >= started_at),
    version     text,
    pipeline    text,
    source      text        NOT NULL,
    content     text        NOT NULL
);
-- The DORA keys only ever read counted deployments: production, success or rolled back.
CREATE INDEX deployments_counted_idx ON deployments (service, finished_at)
    WHERE environment = 'production' AND status IN ('success', 'rolled_back');
CREATE INDEX deployments_finished_idx ON deployments (finished_at);

CREATE TABLE deployment_commits (
    deployment_id text        NOT NULL REFERENCES deployments (id),
    sha           text        NOT NULL,
    committed_at  timestamptz NOT NULL,
    PRIMARY KEY (deployment_id, sha)
);
CREATE INDEX deployment_commits_sha_idx ON deployment_commits (sha);

CREATE TABLE incidents (
    id            text        PRIMARY KEY,
    service       text        NOT NULL,
    started_at    timestamptz NOT NULL,
    resolved_at   timestamptz CHECK (resolved_at >= started_at),
    severity      text,
    deployment_id text,
    source        text        NOT NULL,
    content       text        NOT NULL
);
CREATE INDEX incidents_resolved_idx ON incidents (service, resolved_at);
CREATE INDEX incidents_deployment_idx ON incidents (deployment_id) WHERE deployment_id IS NOT NULL;

-- GitHub's deployment event, kept as it was created, so that a later deployment_status can be completed from it.
-- GitHub redelivers events: the key is the repository, GitHub's id and the environment, and a redelivery changes
-- nothing.
CREATE TABLE github_deployments (
    repository    text        NOT NULL, -- owner/name, lower case
    deployment_id bigint      NOT NULL,
    environment   text        NOT NULL,
    sha           text        NOT NULL,
    ref           text,
    task          text,
    creator       text,
    created_at    timestamptz NOT NULL,
    received_at   timestamptz NOT NULL,
    PRIMARY KEY (repository, deployment_id, environment)
);

-- Lead time counts each commit once, at the first counted deployment of its service that shipped it. Keeping that
-- first deployment per (service, commit) up to date at ingest turns the lead-time median into a range scan instead
-- of a sort over every commit ever shipped.
CREATE TABLE commit_first_deploys (
    service             text        NOT NULL,
    sha                 text        NOT NULL,
    committed_at        timestamptz NOT NULL,
    first_deployment_id text        NOT NULL,
    first_finished_at   timestamptz NOT NULL,
    PRIMARY KEY (service, sha)
);
CREATE INDEX commit_first_deploys_service_idx ON commit_first_deploys (service, first_finished_at);
CREATE INDEX commit_first_deploys_finished_idx ON commit_first_deploys (first_finished_at);

INSERT INTO commit_first_deploys (service, sha, committed_at, first_deployment_id, first_finished_at)
SELECT DISTINCT ON (d.service, c.sha) d.service, c.sha, c.committed_at, d.id, d.finished_at
FROM deployment_commits c JOIN deployments d ON d.id = c.deployment_id
WHERE d.environment = 'production' AND d.status IN ('success', 'rolled_back')
ORDER BY d.service, c.sha, d.finished_at, d.id;

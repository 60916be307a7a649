-- A batch of 1,000 deployments spent about a tenth of its database time checking, row by row, that each commit's
-- deployment exists, and more keeping an index by sha that no query reads. Commits are only ever inserted by the
-- statement that inserts their deployment, joined to the rows it inserted, and deployments with commits are never
-- deleted (only the incident writer's stand-in rows are, and they have none), so the check can never fail.
ALTER TABLE deployment_commits DROP CONSTRAINT deployment_commits_deployment_id_fkey;
DROP INDEX deployment_commits_sha_idx;

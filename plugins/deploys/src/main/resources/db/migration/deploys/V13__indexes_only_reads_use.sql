-- Every DORA report the portal serves is cut in the org time zone and read from deploy_days. The deployments and first
-- deployments themselves are read for a report only while deploy_days is cut in another zone, which the plugin
-- corrects at every start; ingest reads them by key. These three indexes served only those reads, and each cost every
-- deployment and every commit one more index entry at a random place: about a fifth of a batch's index upkeep. Reads
-- in another zone now go by the time range of deployments_finished_idx, or by service through the primary key of
-- commit_first_deploys.
DROP INDEX deployments_counted_idx;
DROP INDEX commit_first_deploys_service_idx;
DROP INDEX commit_first_deploys_finished_idx;

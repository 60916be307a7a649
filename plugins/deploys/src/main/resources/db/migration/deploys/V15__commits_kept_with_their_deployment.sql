-- A deployment's commits are kept in its content (what a replay is compared with: "sha@committedAt" for each, by
-- sha) and, for the commits it shipped first to production, in commit_first_deploys, which is all the DORA keys read.
-- This table held them a third time; only ingest read it, for the batch it was writing, whose commits it has in hand.
-- Each commit cost a row and an index entry here: about a tenth of a batch's database time.
DROP TABLE deployment_commits;

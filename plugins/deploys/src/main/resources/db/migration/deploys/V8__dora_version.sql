-- Bumped by every write that can change a DORA report (deployments, incidents, the roll-up), in the same
-- transaction. Reports are cached per (services, period, version), so a cached report is never older than the data
-- it was read from, on any portal instance.
CREATE TABLE dora_version (
    one     boolean PRIMARY KEY DEFAULT TRUE CHECK (one),
    version bigint  NOT NULL
);
INSERT INTO dora_version (one, version) VALUES (TRUE, 0);

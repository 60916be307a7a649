-- Who deleted which SLO when, and what it was: deleting an SLO drops its minute data and alert history with it
-- (ON DELETE CASCADE), so this row is what remains to answer "where did checkout-availability go?".
CREATE TABLE slo_deletions (
    id                bigserial   PRIMARY KEY,
    slo               text        NOT NULL,
    definition        text        NOT NULL,
    deleted_by        text        NOT NULL,
    deleted_by_person text        NOT NULL,
    deleted_at        timestamptz NOT NULL
);
CREATE INDEX slo_deletions_by_time ON slo_deletions (deleted_at DESC, id DESC);

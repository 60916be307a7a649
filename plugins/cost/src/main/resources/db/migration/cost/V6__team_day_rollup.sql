-- The allocations summed per day and owning team, so that the overview by team and a team's daily series read a
-- row per team and day instead of one per service and day (at 2,000 services and 30 days: 3,000 rows, not 60,000).
-- Written in the same transaction as the allocations of those days, from them, so an answer never sees the two apart.
-- `team` is the owner's canonical ref (it holds ':'); '' is the day's unallocated line, as in `allocations`; '-' is
-- the services no team owns, kept so that the rows of a day sum to the day's whole cost.
CREATE TABLE allocation_team_days (
    day     date     NOT NULL,
    team    text     NOT NULL,
    direct  numeric  NOT NULL,
    shared  numeric  NOT NULL,
    PRIMARY KEY (day, team)
);
CREATE INDEX allocation_team_days_by_team ON allocation_team_days (team, day);

-- The owners are the catalog's, which this schema does not hold: the first allocation check after this migration sums
-- the allocations already stored per team, as the catalog names their owners then, and sets this.
ALTER TABLE allocation_state ADD COLUMN teams_summed boolean NOT NULL DEFAULT false;

-- The sums never outlive the rows they sum: emptying the allocations (an operator starting over) empties them too.
CREATE FUNCTION allocations_truncated() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    TRUNCATE allocation_team_days;
    RETURN NULL;
END $$;
CREATE TRIGGER allocations_truncated AFTER TRUNCATE ON allocations
    FOR EACH STATEMENT EXECUTE FUNCTION allocations_truncated();

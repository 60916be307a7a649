-- Objectives and slice thresholds are decimals as people write them (99.9 %, 300 ms): kept exactly, not as binary
-- fractions that read back as 0.9990000000000001. A double becomes the decimal of its 15 significant digits, which
-- drops the binary noise of every value typed with fewer. The triggers that name slice_threshold must go while its
-- type changes, and come back as they were.
DROP TRIGGER slice_threshold_changed ON slos;
DROP TRIGGER slice_threshold_change_logged ON slos;
ALTER TABLE slos DROP CONSTRAINT slos_objective_check;

ALTER TABLE slos
    ALTER COLUMN objective TYPE numeric USING objective::numeric,
    ALTER COLUMN slice_threshold TYPE numeric USING slice_threshold::numeric;

ALTER TABLE slos ADD CONSTRAINT slos_objective_check CHECK (objective > 0 AND objective < 1);
CREATE TRIGGER slice_threshold_changed AFTER UPDATE OF slice_threshold ON slos
    FOR EACH ROW WHEN (OLD.slice_threshold IS DISTINCT FROM NEW.slice_threshold)
    EXECUTE FUNCTION slice_threshold_changed();
CREATE TRIGGER slice_threshold_change_logged AFTER UPDATE OF slice_threshold ON slos
    FOR EACH ROW WHEN (OLD.slice_threshold IS DISTINCT FROM NEW.slice_threshold)
    EXECUTE FUNCTION log_slice_threshold_change();

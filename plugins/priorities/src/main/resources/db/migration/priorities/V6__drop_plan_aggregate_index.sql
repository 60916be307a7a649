-- The plan reads the sums V5 keeps; nothing aggregates the estimated items of a quarter any more, so this index only
-- cost every item write its upkeep. items_estimated_children stays: the recount's "no estimated child" check reads it.
DROP INDEX items_estimated_in_quarter;

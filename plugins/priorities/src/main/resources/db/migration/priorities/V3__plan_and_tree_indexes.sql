-- The plan view sums, per team, the estimated items of a quarter that no estimated child stands in for. Both indexes
-- hold only estimated items that are not dropped, with what the sum reads, so the plan of every team is two
-- index-only scans instead of two passes over every item.
CREATE INDEX items_estimated_in_quarter ON items (quarter, owner, horizon, investment) INCLUDE (estimate_weeks, id)
    WHERE status <> 'dropped' AND estimate_weeks IS NOT NULL;
CREATE INDEX items_estimated_children ON items (parent_id)
    WHERE status <> 'dropped' AND estimate_weeks IS NOT NULL;

-- One owner's backlog tree reads its items level by level in rank order.
CREATE INDEX items_owner_tree ON items (owner, level, rank_key);

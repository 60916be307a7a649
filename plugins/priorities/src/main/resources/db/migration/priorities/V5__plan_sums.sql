-- The plan view's sums per owner and quarter, kept by triggers on items in the statement that writes the items, so
-- they commit or roll back with it and a reader never sees them out of step with the items. The plan then reads one
-- row per team instead of aggregating every estimated item of the quarter on each request.
--
-- An item counts towards its owner's quarter when it is not dropped, is estimated, has a quarter, and no estimated
-- child that is not dropped stands in for it. Whether it counts depends on its own row and on its children's, so a
-- write recounts the items it wrote and their parents before and after, from the items as they are then.

-- The items that count now, each with what it added to its sums: recounting takes back exactly that, whatever the
-- item has become since.
CREATE TABLE plan_counted (
    item_id     bigint PRIMARY KEY,
    owner       text          NOT NULL,
    quarter     text          NOT NULL,
    horizon     text          NOT NULL,
    investment  text          NOT NULL,
    weeks       numeric(8, 2) NOT NULL
);

-- A row whose items fell to 0 stays (all its sums 0) rather than being removed under a concurrent writer; readers
-- skip it.
CREATE TABLE plan_sums (
    quarter     text    NOT NULL,
    owner       text    NOT NULL,
    items       integer NOT NULL CHECK (items >= 0),
    immediate   numeric NOT NULL,
    future      numeric NOT NULL,
    foundation  numeric NOT NULL,
    innovation  numeric NOT NULL,
    PRIMARY KEY (quarter, owner)
);

-- Recounts the given items: takes back what each added to the sums, then adds what it counts for now.
CREATE FUNCTION plan_recount(affected bigint[]) RETURNS void LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF cardinality(affected) = 0 THEN
        RETURN;
    END IF;
    -- Two writers recounting one parent take turns, and the second recounts from what the first committed (each
    -- statement below reads a fresh snapshot). Locks go from an item to its parents, never down, in id order.
    PERFORM 1 FROM items WHERE id = ANY (affected) ORDER BY id FOR NO KEY UPDATE;

    -- What an item took back was added to its row before, so the row is there.
    WITH gone AS (
        DELETE FROM plan_counted WHERE item_id = ANY (affected) RETURNING *
    ), taken AS (
        SELECT quarter, owner, count(*) AS items,
               coalesce(sum(weeks) FILTER (WHERE horizon = 'immediate'), 0) AS immediate,
               coalesce(sum(weeks) FILTER (WHERE horizon <> 'immediate'), 0) AS future,
               coalesce(sum(weeks) FILTER (WHERE investment = 'foundation'), 0) AS foundation,
               coalesce(sum(weeks) FILTER (WHERE investment <> 'foundation'), 0) AS innovation
          FROM gone GROUP BY quarter, owner
    )
    UPDATE plan_sums s SET items = s.items - t.items, immediate = s.immediate - t.immediate,
           future = s.future - t.future, foundation = s.foundation - t.foundation,
           innovation = s.innovation - t.innovation
      FROM taken t WHERE s.quarter = t.quarter AND s.owner = t.owner;

    WITH came AS (
        INSERT INTO plan_counted (item_id, owner, quarter, horizon, investment, weeks)
        SELECT i.id, i.owner, i.quarter, i.horizon, i.investment, i.estimate_weeks
          FROM items i
         WHERE i.id = ANY (affected) AND i.quarter IS NOT NULL AND i.status <> 'dropped'
           AND i.estimate_weeks IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM items c WHERE c.parent_id = i.id AND c.status <> 'dropped'
                            AND c.estimate_weeks IS NOT NULL)
        RETURNING *
    )
    INSERT INTO plan_sums AS s (quarter, owner, items, immediate, future, foundation, innovation)
    SELECT quarter, owner, count(*),
           coalesce(sum(weeks) FILTER (WHERE horizon = 'immediate'), 0),
           coalesce(sum(weeks) FILTER (WHERE horizon <> 'immediate'), 0),
           coalesce(sum(weeks) FILTER (WHERE investment = 'foundation'), 0),
           coalesce(sum(weeks) FILTER (WHERE investment <> 'foundation'), 0)
      FROM came GROUP BY quarter, owner ORDER BY quarter, owner
    ON CONFLICT (quarter, owner) DO UPDATE SET items = s.items + excluded.items,
        immediate = s.immediate + excluded.immediate, future = s.future + excluded.future,
        foundation = s.foundation + excluded.foundation, innovation = s.innovation + excluded.innovation;
END $$;

-- Items inserted or deleted, and their parents: the insert and delete triggers name their rows alike.
CREATE FUNCTION plan_items_added_or_removed() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    PERFORM plan_recount(ARRAY(SELECT id FROM written_items
                               UNION SELECT parent_id FROM written_items WHERE parent_id IS NOT NULL));
    RETURN NULL;
END $$;

-- Only writes to what counting reads recount: a rank move, a retitle or a new score changes no sum.
CREATE FUNCTION plan_items_updated() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    -- Set differences rather than a join of the two transition tables: hashed or sorted, never row by row.
    PERFORM plan_recount(ARRAY(
        WITH changed_to AS (
            SELECT id, parent_id, owner, quarter, horizon, investment, status, estimate_weeks FROM new_items
            EXCEPT SELECT id, parent_id, owner, quarter, horizon, investment, status, estimate_weeks FROM old_items
        ), changed_from AS (
            SELECT id, parent_id, owner, quarter, horizon, investment, status, estimate_weeks FROM old_items
            EXCEPT SELECT id, parent_id, owner, quarter, horizon, investment, status, estimate_weeks FROM new_items
        )
        SELECT id FROM changed_to
        UNION SELECT parent_id FROM changed_to WHERE parent_id IS NOT NULL
        UNION SELECT parent_id FROM changed_from WHERE parent_id IS NOT NULL));
    RETURN NULL;
END $$;

CREATE FUNCTION plan_items_truncated() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    TRUNCATE plan_counted, plan_sums;
    RETURN NULL;
END $$;

CREATE TRIGGER plan_items_inserted AFTER INSERT ON items REFERENCING NEW TABLE AS written_items
    FOR EACH STATEMENT EXECUTE FUNCTION plan_items_added_or_removed();
CREATE TRIGGER plan_items_updated AFTER UPDATE ON items REFERENCING OLD TABLE AS old_items NEW TABLE AS new_items
    FOR EACH STATEMENT EXECUTE FUNCTION plan_items_updated();
CREATE TRIGGER plan_items_deleted AFTER DELETE ON items REFERENCING OLD TABLE AS written_items
    FOR EACH STATEMENT EXECUTE FUNCTION plan_items_added_or_removed();
CREATE TRIGGER plan_items_truncated AFTER TRUNCATE ON items
    FOR EACH STATEMENT EXECUTE FUNCTION plan_items_truncated();

-- What the items of before this migration count for.
SELECT plan_recount(ARRAY(SELECT id FROM items WHERE quarter IS NOT NULL ORDER BY id));

-- A day's row is written by its first deployment and updated by every later one that day and by any sent late:
-- with full pages each update put the new row version on another page and added an index entry for it. With
-- room left on each page most updates stay on their page (HOT), without touching the key's index. Measured at 1.4
-- million stored deployments, where more than half of a batch's day rows were updates: the roll-up's part of a batch
-- 12 ms where it was 16 in one run each (docs/PERFORMANCE.md). Pages written from now on keep the room.
ALTER TABLE deploy_days SET (fillfactor = 70);

-- Measures: named numbers per catalog entity and day that plugins share without sharing schemas (slo.requests,
-- cost.effective). numeric keeps each value exactly as published, 0.3 stays 0.3. The plugin column says who wrote
-- it; a plugin writes only names that start with its own id.
CREATE TABLE measures (
    name       text        NOT NULL,
    entity     text        NOT NULL,
    day        date        NOT NULL,
    value      numeric     NOT NULL,
    plugin     text        NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (name, entity, day)
);
-- Reading one measure of every entity over a period (a cost report across services).
CREATE INDEX measures_name_day_idx ON measures (name, day);

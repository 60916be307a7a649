-- The test says go once both portals are up, so that a run cannot start and end before the test watches.
CREATE TABLE go (at timestamptz NOT NULL DEFAULT clock_timestamp());
-- A run is recorded when it starts; its items and its completion are written together when it finishes.
CREATE TABLE runs (id bigserial PRIMARY KEY, instance text NOT NULL, started_at timestamptz NOT NULL DEFAULT clock_timestamp());
CREATE TABLE items (run bigint NOT NULL REFERENCES runs, item integer NOT NULL, PRIMARY KEY (run, item));
CREATE TABLE completions (run bigint PRIMARY KEY REFERENCES runs, instance text NOT NULL,
    finished_at timestamptz NOT NULL DEFAULT clock_timestamp());

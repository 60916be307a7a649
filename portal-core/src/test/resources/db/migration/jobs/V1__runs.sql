CREATE TABLE runs (id bigserial PRIMARY KEY, instance text NOT NULL, started_at timestamptz NOT NULL,
                   finished_at timestamptz NOT NULL);

CREATE TABLE marks (
    id        bigserial PRIMARY KEY,
    service   text        NOT NULL,
    marked_by text        NOT NULL,
    marked_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE ticks (
    id     bigserial PRIMARY KEY,
    ran_at timestamptz NOT NULL DEFAULT now()
);

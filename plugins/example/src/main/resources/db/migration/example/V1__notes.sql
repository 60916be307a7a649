-- Runs as role vitals_example with search_path = example: unqualified names land in the plugin's own schema.
CREATE TABLE notes (
    id         bigserial PRIMARY KEY,
    service    text        NOT NULL,
    author     text        NOT NULL,
    body       text        NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
    created_at timestamptz NOT NULL,
    -- Lets demo data and retried requests insert the same note twice without a duplicate.
    UNIQUE (service, author, body)
);
CREATE INDEX notes_service_idx ON notes (service, created_at DESC);

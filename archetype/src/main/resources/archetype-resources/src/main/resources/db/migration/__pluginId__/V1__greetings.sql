-- Runs as role vitals_${pluginId} with search_path = ${pluginId}: unqualified names land in the plugin's own schema.
-- Never edit a script after it shipped: add V2__….sql.
CREATE TABLE greetings (
    id         bigserial PRIMARY KEY,
    service    text        NOT NULL,
    author     text        NOT NULL,
    message    text        NOT NULL CHECK (length(message) BETWEEN 1 AND 500),
    created_at timestamptz NOT NULL
);
CREATE INDEX greetings_service_idx ON greetings (service, created_at DESC);

-- How each service is released, with history: a service without a row ships on the release train.
CREATE TABLE release_modes (
    service text        NOT NULL,
    mode    text        NOT NULL CHECK (mode IN ('train', 'independent')),
    since   date        NOT NULL,
    set_by  text        NOT NULL,
    set_at  timestamptz NOT NULL,
    PRIMARY KEY (service, since)
);

-- Initiatives: an item's checklist over services, each done or not.
CREATE TABLE initiative_services (
    item_id     bigint      NOT NULL REFERENCES items (id),
    service     text        NOT NULL,
    done        boolean     NOT NULL DEFAULT false,
    changed_by  text        NOT NULL,
    changed_at  timestamptz NOT NULL,
    PRIMARY KEY (item_id, service)
);
CREATE INDEX initiative_services_service ON initiative_services (service);

-- Every change to a checklist, kept: the burn-up (done and total per day) is read from it, so it is exact for any
-- past day and a service removed later still counts on the days it was in.
CREATE TABLE initiative_events (
    id          bigserial PRIMARY KEY,
    item_id     bigint      NOT NULL REFERENCES items (id),
    service     text        NOT NULL,
    event       text        NOT NULL CHECK (event IN ('added', 'removed', 'done', 'undone')),
    by_whom     text        NOT NULL,
    at          timestamptz NOT NULL
);
CREATE INDEX initiative_events_item ON initiative_events (item_id, at);

-- At most one automatic tick rule per initiative: a measure at or above a value, or a signal in a status.
CREATE TABLE initiative_rules (
    item_id       bigint      PRIMARY KEY REFERENCES items (id),
    source        text        NOT NULL CHECK (source IN ('measure', 'signal')),
    measure       text,
    at_least      numeric,
    signal_plugin text,
    signal_kind   text,
    signal_status text,
    set_by        text        NOT NULL,
    set_at        timestamptz NOT NULL,
    CHECK ((source = 'measure' AND measure IS NOT NULL AND at_least IS NOT NULL)
        OR (source = 'signal' AND signal_plugin IS NOT NULL AND signal_kind IS NOT NULL
            AND signal_status IS NOT NULL))
);
CREATE INDEX initiative_rules_signal ON initiative_rules (signal_plugin, signal_kind) WHERE source = 'signal';

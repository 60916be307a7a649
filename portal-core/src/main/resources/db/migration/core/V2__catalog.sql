-- Where catalog descriptors come from: a file or folder, a URL, or the import API.
CREATE TABLE catalog_sources (
    id             bigserial PRIMARY KEY,
    location       text        NOT NULL UNIQUE,
    registered_at  timestamptz NOT NULL,
    registered_by  text        NOT NULL,
    last_import_at timestamptz,
    last_result    jsonb
);

-- Every entity, whatever its kind, as Backstage models it. The columns the portal filters on are lifted out of the
-- document; the document is kept whole so any entity exports back to YAML.
CREATE TABLE catalog_entities (
    ref          text PRIMARY KEY,          -- kind:namespace/name, lower case, as Backstage compares refs
    kind         text        NOT NULL,      -- as written: Component, Group, AvailabilityComponent…
    namespace    text        NOT NULL,
    name         text        NOT NULL,
    title        text,
    description  text,
    spec_type    text,
    lifecycle    text,
    owner_ref    text,
    system_ref   text,
    tags         text[]      NOT NULL DEFAULT '{}',
    document     jsonb       NOT NULL,
    source_id    bigint REFERENCES catalog_sources (id),
    source_hash  text,                      -- of the document as the source last had it: an unchanged source keeps edits
    orphaned     boolean     NOT NULL DEFAULT false,
    updated_at   timestamptz NOT NULL
);
CREATE INDEX catalog_entities_kind_idx ON catalog_entities (kind, name);
CREATE INDEX catalog_entities_owner_idx ON catalog_entities (owner_ref);
CREATE INDEX catalog_entities_system_idx ON catalog_entities (system_ref);
CREATE INDEX catalog_entities_source_idx ON catalog_entities (source_id);

-- Relations in their forward direction only (dependsOn, ownedBy, partOf…); the reverse is a query on target_ref.
CREATE TABLE catalog_relations (
    source_ref text NOT NULL,
    type       text NOT NULL,
    target_ref text NOT NULL,
    PRIMARY KEY (source_ref, type, target_ref)
);
CREATE INDEX catalog_relations_target_idx ON catalog_relations (target_ref, type);

-- FOCUS ResourceId, kept so that ResourceId prefix rules can allocate rows no tag names.
ALTER TABLE charges ADD COLUMN resource_id text;

-- Rows no tag names whose ResourceId starts with `prefix` belong to `service` (canonical ref); the longest prefix wins.
CREATE TABLE resource_rules (
    prefix   text         PRIMARY KEY CHECK (prefix <> ''),
    service  text         NOT NULL,
    set_by   text         NOT NULL,
    set_at   timestamptz  NOT NULL
);

-- Rows of a sub-account that nothing else allocates belong to a team, spread over its services by `split`.
CREATE TABLE sub_account_rules (
    sub_account_id  text         PRIMARY KEY CHECK (sub_account_id <> ''),
    team            text         NOT NULL,
    split           jsonb        NOT NULL,
    set_by          text         NOT NULL,
    set_at          timestamptz  NOT NULL
);

-- Every version of every shared-cost rule: a day is allocated by the newest version of each rule whose
-- `effective_from` is on or before it, so a change leaves the days before it as they were allocated unless the admin
-- asked it to reach back. A deleted rule is a version without a body.
CREATE TABLE shared_rule_versions (
    id              bigserial    PRIMARY KEY,
    name            text         NOT NULL,
    effective_from  date         NOT NULL,
    body            jsonb,
    set_by          text         NOT NULL,
    set_at          timestamptz  NOT NULL
);
CREATE INDEX shared_rule_versions_by_name ON shared_rule_versions (name, id);

-- What was re-allocated, by whom, when and which days: a rule change that reached back, or a direct rule change.
CREATE TABLE reallocations (
    id         bigserial    PRIMARY KEY,
    subject    text         NOT NULL,
    first_day  date         NOT NULL,
    last_day   date         NOT NULL,
    done_by    text         NOT NULL,
    done_at    timestamptz  NOT NULL
);

-- The allocated cost per day and service (canonical ref; '' is the day's unallocated cost), the ledger's answers.
-- Kept for the days a change touches: an import, a rule change, a catalog change that moves a tag or a team.
CREATE TABLE allocations (
    day      date     NOT NULL,
    service  text     NOT NULL,
    direct   numeric  NOT NULL,
    shared   numeric  NOT NULL,
    PRIMARY KEY (day, service)
);
CREATE INDEX allocations_by_service ON allocations (service, day);

-- The catalog's allocation tags (lower case) as last allocated, so that the classification runs in one statement.
CREATE TABLE allocation_tags (
    tag      text  PRIMARY KEY,
    service  text  NOT NULL
);

-- The fingerprint of the catalog the allocations were computed with (its tags, teams, systems and services).
CREATE TABLE allocation_state (
    id       int   PRIMARY KEY CHECK (id = 1),
    catalog  text  NOT NULL
);
INSERT INTO allocation_state VALUES (1, '');

-- The charge periods whose rows changed since they were last allocated: an import notes the days it touched in its
-- own transaction, and the ledger allocates them again before it answers.
CREATE TABLE allocation_dirty (
    id           bigserial    PRIMARY KEY,
    first_start  timestamptz  NOT NULL,
    last_start   timestamptz  NOT NULL
);

-- Rows already stored were allocated at read time until now.
INSERT INTO allocation_dirty (first_start, last_start)
SELECT min(charge_period_start), max(charge_period_start) FROM charges HAVING count(*) > 0;

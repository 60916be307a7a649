-- The backlog: one table for every level, each item pointing at its parent one level up.
CREATE TABLE items (
    id                    bigserial PRIMARY KEY,
    key                   text UNIQUE,
    title                 text        NOT NULL,
    level                 text        NOT NULL CHECK (level IN ('theme', 'epic', 'feature', 'story', 'task')),
    parent_id             bigint      REFERENCES items (id),
    owner                 text        NOT NULL,
    horizon               text        NOT NULL CHECK (horizon IN ('immediate', 'future')),
    investment            text        NOT NULL CHECK (investment IN ('foundation', 'innovation')),
    status                text        NOT NULL CHECK (status IN ('proposed', 'ready', 'in-progress', 'done', 'dropped')),
    estimate_weeks        numeric(8, 2),
    quarter               text,
    services              text[]      NOT NULL DEFAULT '{}',
    rice_reach            numeric,
    rice_impact           numeric,
    rice_confidence       numeric,
    rice_effort           numeric,
    rice_score            numeric,
    wsjf_business_value   integer,
    wsjf_time_criticality integer,
    wsjf_risk_reduction   integer,
    wsjf_job_size         integer,
    wsjf_score            numeric,
    -- Fractional rank keys, compared byte by byte: a move rewrites one row, never the list.
    rank_key              text COLLATE "C" NOT NULL,
    -- Themes only: their place among the organisation's top priorities.
    org_rank_key          text COLLATE "C",
    created_by            text        NOT NULL,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL
);
CREATE UNIQUE INDEX items_stack_rank ON items (level, owner, rank_key);
CREATE UNIQUE INDEX items_org_rank ON items (org_rank_key) WHERE org_rank_key IS NOT NULL;
CREATE INDEX items_parent ON items (parent_id);
CREATE INDEX items_owner_quarter ON items (owner, quarter);
CREATE INDEX items_services ON items USING gin (services);

-- Both scores' inputs over time, whichever the organisation ranks by: switching the setting loses nothing.
CREATE TABLE score_history (
    id                    bigserial PRIMARY KEY,
    item_id               bigint      NOT NULL REFERENCES items (id),
    method                text        NOT NULL CHECK (method IN ('rice', 'wsjf')),
    reach                 numeric,
    impact                numeric,
    confidence            numeric,
    effort                numeric,
    business_value        integer,
    time_criticality      integer,
    risk_reduction        integer,
    job_size              integer,
    score                 numeric,
    recorded_by           text        NOT NULL,
    recorded_at           timestamptz NOT NULL
);
CREATE INDEX score_history_item ON score_history (item_id, recorded_at);

-- The decision log: every rank and status change, who made it and why.
CREATE TABLE decisions (
    id          bigserial PRIMARY KEY,
    item_id     bigint      NOT NULL REFERENCES items (id),
    kind        text        NOT NULL CHECK (kind IN ('rank', 'org-rank', 'status')),
    from_value  text,
    to_value    text        NOT NULL,
    reason      text        NOT NULL,
    decided_by  text        NOT NULL,
    decided_at  timestamptz NOT NULL
);
CREATE INDEX decisions_item ON decisions (item_id, decided_at);
CREATE INDEX decisions_at ON decisions (decided_at);

CREATE TABLE pain_reports (
    id          bigserial PRIMARY KEY,
    item_id     bigint      NOT NULL REFERENCES items (id),
    reporter    text        NOT NULL,
    team        text        NOT NULL,
    what        text        NOT NULL,
    how_often   text        NOT NULL CHECK (how_often IN ('daily', 'weekly', 'monthly', 'rarely')),
    link        text,
    reported_at timestamptz NOT NULL
);
CREATE INDEX pain_reports_item ON pain_reports (item_id);

CREATE TABLE team_targets (
    team        text PRIMARY KEY,
    immediate   numeric(4, 3) NOT NULL,
    foundation  numeric(4, 3) NOT NULL,
    updated_by  text        NOT NULL,
    updated_at  timestamptz NOT NULL
);

-- Whether the evidence for (subject, kind) stands now: a proposal is raised when it starts standing, not again
-- until it has cleared.
CREATE TABLE evidence_states (
    subject     text        NOT NULL,
    kind        text        NOT NULL,
    active      boolean     NOT NULL,
    changed_at  timestamptz NOT NULL,
    PRIMARY KEY (subject, kind)
);

CREATE TABLE proposals (
    id             bigserial PRIMARY KEY,
    subject        text        NOT NULL,
    kind           text        NOT NULL,
    owner          text,
    title          text        NOT NULL,
    state          text        NOT NULL CHECK (state IN ('open', 'accepted', 'dismissed')),
    signal_plugin  text        NOT NULL,
    signal_kind    text        NOT NULL,
    signal_status  text        NOT NULL,
    summary        text        NOT NULL,
    value          double precision,
    link           text,
    observed_at    timestamptz NOT NULL,
    raised_at      timestamptz NOT NULL,
    cleared_at     timestamptz,
    decided_by     text,
    decided_at     timestamptz,
    reason         text,
    item_id        bigint REFERENCES items (id)
);
CREATE UNIQUE INDEX proposals_one_open ON proposals (subject, kind) WHERE state = 'open';
CREATE INDEX proposals_owner ON proposals (owner, state);

-- Host settings that must be shared by every portal instance on this database.
CREATE TABLE settings (
    key   text PRIMARY KEY,
    value text NOT NULL
);

-- Which plugins an admin switched on or off, and who did it.
CREATE TABLE plugin_settings (
    plugin_id  text PRIMARY KEY,
    enabled    boolean     NOT NULL,
    changed_by text        NOT NULL,
    changed_at timestamptz NOT NULL
);

-- Every state change, by a person or a token.
CREATE TABLE audit_log (
    id             bigserial PRIMARY KEY,
    at             timestamptz NOT NULL,
    actor          text        NOT NULL,
    action         text        NOT NULL,
    subject        text        NOT NULL,
    before         jsonb,
    after          jsonb,
    source_address text
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);

-- Signals: the latest verdict per (plugin, subject, kind), and every verdict ever published.
CREATE TABLE signal_latest (
    plugin      text             NOT NULL,
    subject     text             NOT NULL,
    kind        text             NOT NULL,
    status      text             NOT NULL CHECK (status IN ('OK', 'UNKNOWN', 'WARN', 'CRITICAL')),
    summary     text             NOT NULL,
    value       double precision,
    link        text,
    observed_at timestamptz      NOT NULL,
    PRIMARY KEY (plugin, subject, kind)
);
CREATE INDEX signal_latest_subject_idx ON signal_latest (subject);

CREATE TABLE signal_history (
    id          bigserial PRIMARY KEY,
    plugin      text             NOT NULL,
    subject     text             NOT NULL,
    kind        text             NOT NULL,
    status      text             NOT NULL,
    summary     text             NOT NULL,
    value       double precision,
    link        text,
    observed_at timestamptz      NOT NULL
);
CREATE INDEX signal_history_subject_idx ON signal_history (subject, observed_at);

-- db-scheduler's table (its documented PostgreSQL layout): jobs run once across all portal instances.
CREATE TABLE scheduled_tasks (
    task_name            text                     NOT NULL,
    task_instance        text                     NOT NULL,
    task_data            bytea,
    execution_time       timestamp with time zone NOT NULL,
    picked               boolean                  NOT NULL,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   NOT NULL,
    priority             smallint,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

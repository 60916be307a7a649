-- One row per item of an acknowledged batch, and one per job run: what the fault tests count.
CREATE TABLE batch_items (batch integer NOT NULL, item integer NOT NULL, PRIMARY KEY (batch, item));
CREATE TABLE ticks (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now());

-- Sign-ins that went to the OpenID Connect provider and have not come back yet. Kept here rather than in one
-- instance's memory because the provider may send the browser back to any instance. The state is stored as its hash;
-- a row is taken (deleted) when the browser returns, so a callback works once.
CREATE TABLE pending_sign_ins (
    state_hash    text PRIMARY KEY,
    nonce         text        NOT NULL,
    code_verifier text        NOT NULL,
    next_path     text        NOT NULL,
    expires_at    timestamptz NOT NULL
);
CREATE INDEX pending_sign_ins_expires_at_idx ON pending_sign_ins (expires_at);

-- The groups each person last showed: at sign-in and each re-check at the OpenID Connect provider, or on a request
-- through the authenticating proxy. A team token is checked against its maker's rights on every use, and its maker
-- is usually not the one calling; these are the groups the maker's rights are judged by.
CREATE TABLE people (
    login   text PRIMARY KEY,
    groups  text[]      NOT NULL DEFAULT '{}',
    seen_at timestamptz NOT NULL
);

-- Tokens an admin made stay valid whatever happens to their maker's rights; the others die with them. Tokens made
-- before this was recorded count as not made by an admin: a maker who is still an admin keeps them working anyway.
ALTER TABLE api_tokens ADD COLUMN made_by_admin boolean NOT NULL DEFAULT false;

-- What an OpenID Connect session needs to ask the provider again, every few minutes, whether the person is still
-- there and in which groups. The refresh token is worth nothing without the portal's client secret.
ALTER TABLE sessions ADD COLUMN refresh_token text;
ALTER TABLE sessions ADD COLUMN access_token text;
ALTER TABLE sessions ADD COLUMN checked_at timestamptz;

-- An admin ends all of a person's sessions at once.
CREATE INDEX sessions_user_name_idx ON sessions (user_name);

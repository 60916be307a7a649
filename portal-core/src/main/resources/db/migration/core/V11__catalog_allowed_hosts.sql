-- The hosts that catalog URL sources and their Locations may be fetched from, besides the registered URL's own host.
-- Empty by default: a Location in a catalog cannot send the portal to an address the admin did not name.
CREATE TABLE catalog_allowed_hosts (
    host     text PRIMARY KEY,          -- lower case, no port: api.github.com, raw.githubusercontent.com
    added_at timestamptz NOT NULL,
    added_by text        NOT NULL
);

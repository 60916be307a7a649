#!/bin/sh
# Runs once, when the postgres container starts on an empty data volume, as the image's superuser. Sets Vitals up
# exactly as README.md's "An external database" asks: its own login role with CREATEROLE, owning its database, and
# no superuser.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    --set vitals_password="$VITALS_DB_PASSWORD" <<'SQL'
CREATE ROLE vitals LOGIN CREATEROLE PASSWORD :'vitals_password';
CREATE DATABASE vitals OWNER vitals;
SQL

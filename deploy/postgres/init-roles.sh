#!/usr/bin/env bash
# First-start initialisation of the PostgreSQL container: the same role layout as production and as
# the embedded local stack. The schema owner runs migrations and JobRunr; the application login is
# neither owner nor superuser, so row-level security always applies to it. Keycloak gets its own
# database.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<SQL
CREATE ROLE counterlink_owner LOGIN PASSWORD '${COUNTERLINK_DB_OWNER_PASSWORD}';
CREATE ROLE counterlink_app LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '${COUNTERLINK_DB_APP_PASSWORD}';
CREATE DATABASE counterlink OWNER counterlink_owner;
CREATE ROLE keycloak LOGIN PASSWORD '${KEYCLOAK_DB_PASSWORD}';
CREATE DATABASE keycloak OWNER keycloak;
SQL

#!/usr/bin/env bash
# Creates Lapak's roles and database. The postgres image runs this once, on the first start with an empty data
# volume (files in /docker-entrypoint-initdb.d); later starts skip it. Same layout as the embedded database:
#   lapak_owner  owns the database and the public schema, runs the Flyway migrations;
#   lapak_app       what the application connects as: owns nothing, cannot bypass row-level security;
#   lapak_platform  platform work (support console, cross-tenant jobs): lapak_app's grants, and the one role the
#                   policies let see every tenant (docs/decisions/0031). lapak_app is not a member of it.
# Passwords come from LAPAK_OWNER_PASSWORD, LAPAK_APP_PASSWORD and LAPAK_PLATFORM_PASSWORD. The defaults (equal to
# the role names) are for local development only. Written to work whether the entrypoint executes or sources it (no exit, no set -u).
set -e

psql -v ON_ERROR_STOP=1 --no-psqlrc --username "${POSTGRES_USER:-postgres}" --dbname postgres \
    -v owner_password="${LAPAK_OWNER_PASSWORD:-lapak_owner}" \
    -v app_password="${LAPAK_APP_PASSWORD:-lapak_app}" \
    -v platform_password="${LAPAK_PLATFORM_PASSWORD:-lapak_platform}" <<'SQL'
create role lapak_owner login password :'owner_password'
    nosuperuser nocreatedb nocreaterole noreplication nobypassrls;
create role lapak_app login password :'app_password'
    nosuperuser nocreatedb nocreaterole noreplication nobypassrls noinherit;
create role lapak_platform login password :'platform_password'
    nosuperuser nocreatedb nocreaterole noreplication nobypassrls inherit;
grant lapak_app to lapak_platform;

create database lapak owner lapak_owner;
revoke all on database lapak from public;
grant connect on database lapak to lapak_app;
grant connect on database lapak to lapak_platform;

\connect lapak
alter schema public owner to lapak_owner;
revoke create on schema public from public;
SQL

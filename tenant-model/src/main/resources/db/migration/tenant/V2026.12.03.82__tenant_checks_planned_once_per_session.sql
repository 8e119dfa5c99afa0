-- The checks the policies call, made cheap per statement (docs/decisions/0031; bench/tenant-checks.sh). A SQL
-- function that is not inlined (owner rights, a SET clause, a sub-query) is parsed and planned again in every
-- statement that calls it: the platform check cost about 140 µs a call. PL/pgSQL keeps its plans for the session.
-- The invoker functions name everything schema-qualified instead of pinning search_path, and the application roles
-- can create nothing that could stand in for a name (no CREATE on the schema, no TEMPORARY).

-- The nonce: the backend's pid and the transaction's start (its 8 bytes as PostgreSQL stores them, in hex).
create or replace function app_transaction_nonce() returns text
    language sql stable parallel restricted
as $$
    select pg_catalog.pg_backend_pid()::pg_catalog.text || ':'
        || pg_catalog.encode(pg_catalog.timestamptz_send(pg_catalog.transaction_timestamp()), 'hex')
$$;

-- The catalog is read only when the owner asks for platform access in its own session.
create or replace function app_platform_access() returns boolean
    language plpgsql stable parallel restricted
as $$
begin
    if session_user = '${platform_role}' then
        return true;
    end if;
    if session_user <> current_user
            or coalesce(pg_catalog.current_setting('app.platform', true), '') <> 'on' then
        return false;
    end if;
    return exists (select 1 from pg_catalog.pg_namespace n
                   where n.nspname = '${schema}' and n.nspowner = session_user::pg_catalog.regrole::pg_catalog.oid);
end $$;

create or replace function app_current_tenant() returns uuid
    language plpgsql stable security definer parallel restricted set search_path = ${schema}, pg_temp
as $$
declare
    claimed text := nullif(current_setting('app.tenant_id', true), '');
    inner_key bytea;
    outer_key bytea;
begin
    if claimed is null then
        return null;
    end if;
    select k.inner_pad, k.outer_pad into inner_key, outer_key from tenant_context_key k;
    if inner_key is null then
        return null;
    end if;
    -- HMAC-SHA256(key, tenant:nonce) against the seal, each side hashed once more so that the comparison's time
    -- says nothing about how much of a guess was right.
    if sha256(convert_to(encode(sha256(outer_key || sha256(inner_key
            || convert_to(claimed || ':' || app_transaction_nonce(), 'UTF8'))), 'hex'), 'UTF8'))
       = sha256(convert_to(coalesce(current_setting('app.tenant_seal', true), ''), 'UTF8')) then
        return claimed::uuid;
    end if;
    return null;
end $$;

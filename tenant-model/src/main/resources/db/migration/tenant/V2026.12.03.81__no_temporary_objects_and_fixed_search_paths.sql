-- Two ways SQL running as the application's role could still bend what others run (docs/decisions/0031):
-- 1. A temporary table is searched before every schema: a temporary "store" or "pg_roles" created on a pooled
--    connection would stand in for the real one in the next transaction on that connection, whoever it serves.
--    Lapak creates no temporary objects, so no role but the owner may.
-- 2. The checks the policies call resolve every name in pg_catalog (and anything temporary last).

do $$
begin
    execute format('revoke temporary on database %I from public, ${app_role}, ${platform_role}', current_database());
end $$;

create or replace function app_transaction_nonce() returns text
    language sql stable parallel restricted set search_path = pg_catalog, pg_temp
as $$ select pg_backend_pid()::text || ':' || (extract(epoch from transaction_timestamp()) * 1000000)::bigint::text $$;

create or replace function app_platform_access() returns boolean
    language sql stable parallel restricted set search_path = pg_catalog, pg_temp
as $$
    select session_user = '${platform_role}'
        or (session_user = current_user
            and current_setting('app.platform', true) = 'on'
            and exists (select 1 from pg_catalog.pg_namespace n join pg_catalog.pg_roles r on r.oid = n.nspowner
                        where n.nspname = '${schema}' and r.rolname = session_user))
$$;

-- The seal is compared through a hash of each side, so the time a comparison takes says nothing about how many
-- leading characters of a guess were right.
create or replace function app_current_tenant() returns uuid
    language sql stable security definer parallel restricted set search_path = ${schema}, pg_temp
as $$
    select case
               when sha256(convert_to(encode(sha256(k.outer_pad || sha256(k.inner_pad
                       || convert_to(claim.tenant || ':' || app_transaction_nonce(), 'UTF8'))), 'hex'), 'UTF8'))
                    = sha256(convert_to(current_setting('app.tenant_seal', true), 'UTF8'))
               then claim.tenant::uuid
           end
    from (select nullif(current_setting('app.tenant_id', true), '') as tenant) claim, tenant_context_key k
$$;

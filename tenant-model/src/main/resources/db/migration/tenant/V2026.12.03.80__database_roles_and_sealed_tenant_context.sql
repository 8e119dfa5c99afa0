-- Row-level security no longer trusts settings that any connection may set (docs/decisions/0031).
--
-- 1. Platform access belongs to a database role, not to a setting: ${platform_role} (a login of its own, member of
--    ${app_role} for the table grants) is the only role that sees every tenant. The owner keeps its app.platform
--    setting for migrations and maintenance, but only in its own session: inside an owner-rights function called
--    by ${app_role}, session_user is still ${app_role}, so the setting does nothing there.
-- 2. The tenant of a transaction is sealed: besides app.tenant_id the application sets app.tenant_seal, an
--    HMAC-SHA256 over "<tenant>:<this transaction's nonce>" with a key held by the application and, in the database,
--    only by the owner (tenant_context_key, written by the application through Flyway at every start). The
--    nonce is the backend's pid and the transaction's start in microseconds, so a seal seen once is worthless in any
--    other transaction. app_current_tenant() answers the tenant only when the seal checks, otherwise null.
-- 3. Policies evaluate both functions once per statement (an init-plan), not once per row.
-- 4. ${app_role} may no longer call app_offboard_tenant; the platform role may.

create table tenant_context_key (
    id          boolean     primary key default true check (id),
    -- HMAC-SHA256's two padded keys (key XOR 0x36.., key XOR 0x5c.., 64 bytes each), so the check needs only the
    -- built-in sha256(): HMAC(k, m) = sha256(outer_pad || sha256(inner_pad || m)).
    inner_pad   bytea       not null check (length(inner_pad) = 64),
    outer_pad   bytea       not null check (length(outer_pad) = 64),
    changed_at  timestamptz not null
);
revoke all on tenant_context_key from public;

-- What makes a transaction's seal its own. Parallel restricted: a parallel worker has its own pid, so every call
-- (and app_current_tenant's) stays in the leader.
create function app_transaction_nonce() returns text
    language sql stable parallel restricted
as $$ select pg_backend_pid()::text || ':' || (extract(epoch from transaction_timestamp()) * 1000000)::bigint::text $$;

create or replace function app_current_tenant() returns uuid
    language sql stable security definer parallel restricted set search_path = ${schema}, pg_temp
as $$
    select case
               when encode(sha256(k.outer_pad || sha256(k.inner_pad
                       || convert_to(claim.tenant || ':' || app_transaction_nonce(), 'UTF8'))), 'hex')
                    = current_setting('app.tenant_seal', true)
               then claim.tenant::uuid
           end
    from (select nullif(current_setting('app.tenant_id', true), '') as tenant) claim, tenant_context_key k
$$;

create or replace function app_platform_access() returns boolean
    language sql stable parallel restricted
as $$
    select session_user = '${platform_role}'
        or (session_user = current_user
            and current_setting('app.platform', true) = 'on'
            and exists (select 1 from pg_namespace n join pg_roles r on r.oid = n.nspowner
                        where n.nspname = '${schema}' and r.rolname = session_user))
$$;

revoke all on function app_current_tenant() from public;
revoke all on function app_platform_access() from public;
revoke all on function app_transaction_nonce() from public;
grant execute on function app_current_tenant() to ${app_role}, ${platform_role};
grant execute on function app_platform_access() to ${app_role}, ${platform_role};
grant execute on function app_transaction_nonce() to ${app_role}, ${platform_role};

revoke all on function app_offboard_tenant(uuid) from ${app_role};
grant execute on function app_offboard_tenant(uuid) to ${platform_role};

-- Every policy calls the two functions through a sub-select: PostgreSQL then evaluates each once per statement
-- (an init-plan) and still uses tenant_id indexes. Policies added later are written that way
-- (TenantContextSealIntegrationTest checks every policy).
do $$
declare
    p record;
    using_expr text;
    check_expr text;
begin
    for p in select policyname, tablename, qual, with_check from pg_policies where schemaname = '${schema}' loop
        using_expr := replace(replace(p.qual, 'app_current_tenant()', '(select app_current_tenant())'),
                              'app_platform_access()', '(select app_platform_access())');
        check_expr := replace(replace(p.with_check, 'app_current_tenant()', '(select app_current_tenant())'),
                              'app_platform_access()', '(select app_platform_access())');
        if using_expr is not null and check_expr is not null then
            execute format('alter policy %I on %I using (%s) with check (%s)', p.policyname, p.tablename,
                           using_expr, check_expr);
        elsif using_expr is not null then
            execute format('alter policy %I on %I using (%s)', p.policyname, p.tablename, using_expr);
        elsif check_expr is not null then
            execute format('alter policy %I on %I with check (%s)', p.policyname, p.tablename, check_expr);
        end if;
    end loop;
end $$;

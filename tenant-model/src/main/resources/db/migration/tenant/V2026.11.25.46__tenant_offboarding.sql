-- Offboarding deletes every row of one tenant. The application role may not delete from tenant tables, so the
-- deletion is this one function, running with the owner's rights: it finds the tenant tables through the catalog
-- (every table with a tenant_id column, so tables added later are included), deletes children before parents by
-- following the foreign keys, and the tenant row last, all in the caller's transaction. It works only inside
-- platform access (row-level security still applies: the owner is subject to FORCE ROW LEVEL SECURITY).
-- The audit log is kept: it is append-only by design and outlives the tenant (no foreign key to tenant).

create function app_offboard_tenant(p_tenant uuid) returns table (table_name text, deleted_rows bigint)
    language plpgsql security definer set search_path = ${schema}, pg_temp
as $$
declare
    remaining text[];
    deletable text[];
    t text;
    n bigint;
begin
    if not app_platform_access() then
        raise exception 'Offboarding a tenant needs platform access' using errcode = '42501';
    end if;
    select coalesce(array_agg(c.relname::text), '{}') into remaining
    from pg_class c
    join pg_namespace s on s.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
    where s.nspname = '${schema}' and c.relkind in ('r', 'p') and not c.relispartition
      and c.relname not in ('audit_entry', 'audit_chain_head');
    while cardinality(remaining) > 0 loop
        select array_agg(r) into deletable
        from unnest(remaining) r
        where not exists (
            select 1 from pg_constraint f
            join pg_class child on child.oid = f.conrelid
            join pg_class parent on parent.oid = f.confrelid
            join pg_namespace s on s.oid = parent.relnamespace
            where f.contype = 'f' and s.nspname = '${schema}' and parent.relname = r and child.relname <> r
              and child.relname = any (remaining));
        if deletable is null then
            raise exception 'Tenant tables reference each other in a cycle: %', remaining;
        end if;
        foreach t in array deletable loop
            execute format('delete from %I where tenant_id = $1', t) using p_tenant;
            get diagnostics n = row_count;
            table_name := t;
            deleted_rows := n;
            return next;
        end loop;
        remaining := array(select r from unnest(remaining) r where r <> all (deletable));
    end loop;
    delete from tenant where id = p_tenant;
    get diagnostics n = row_count;
    table_name := 'tenant';
    deleted_rows := n;
    return next;
end $$;

revoke all on function app_offboard_tenant(uuid) from public;
grant execute on function app_offboard_tenant(uuid) to ${app_role};

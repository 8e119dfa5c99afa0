-- A tenant's day over all its stores in one row: the dashboard of a merchant admin with twenty stores compared thirty
-- days with the thirty before by checking and adding 1,200 store days (three index probes each); with these it checks
-- and adds 60 tenant days. "Day" is each store's own local day, as everywhere in reports: the row adds the store days
-- of that date, whatever their zones.
--
-- A tenant day is written by the rollup job only when every store day of that date is rolled whole, in the current
-- shape and clean, in the same repeatable-read snapshot as its sums, which it keeps like report_day does. It is read
-- only while no change of any store's day of that date came from a transaction its snapshot did not see
-- (report_change by tenant and day), and otherwise the store days are read as before; it is rolled again on the
-- job's next run. Deleted with the tenant's store days by a rebuild.
create table report_tenant_day (
    tenant_id   uuid        not null references tenant (id),
    day         date        not null,
    rolled_at   timestamptz not null,
    snapshot    pg_snapshot not null,
    xmin_number bigint generated always as (pg_snapshot_xmin(snapshot)::text::bigint) stored,
    version     smallint    not null,
    primary key (tenant_id, day)
);

-- The same columns as report_total (its measures, in its order) without the store.
create table report_tenant_total (like report_total including defaults);
alter table report_tenant_total drop column store_id;
alter table report_tenant_total add primary key (tenant_id, day, currency);
alter table report_tenant_total add foreign key (tenant_id, day) references report_tenant_day (tenant_id, day)
    on delete cascade;

-- Row-level security as on every tenant table; the tenant read once per statement (decision 0031).
do $$
declare
    t text;
begin
    foreach t in array array['report_tenant_day', 'report_tenant_total'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy %I on %I using (tenant_id = (select app_current_tenant()) or '
                       '(select app_platform_access())) with check (tenant_id = (select app_current_tenant()) or '
                       '(select app_platform_access()))', t || '_tenant_isolation', t);
        execute format('grant select, insert, update, delete on %I to ${app_role}', t);
    end loop;
end $$;

-- The job's readiness check reads a date's store days of all stores.
create index report_day_tenant_day on report_day (tenant_id, day);

-- The tenant day's clean check: any change of that date in any store newer than the snapshot's xmin.
create index report_change_tenant_day_xid_number on report_change (tenant_id, day, xid_number);

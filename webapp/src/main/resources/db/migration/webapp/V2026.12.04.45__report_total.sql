-- The period totals of a store day in one row, so the dashboard and the sales summary add up one row a store day
-- instead of the day's mix (a row per device, brand, entry mode and online/offline: about sixty a store day). The
-- same measures as report_mix, summed over its keys (ReportFacts.Level.TOTAL).
create table report_total (
    tenant_id      uuid    not null,
    store_id       uuid    not null,
    day            date    not null,
    currency       char(3) not null,
    attempts       integer not null,
    approved       integer not null,
    declined       integer not null,
    captured_count integer not null,
    refund_count   integer not null,
    captured_minor bigint  not null,
    refunded_minor bigint  not null,
    tip_minor      bigint  not null,
    tax_minor      bigint  not null,
    discount_minor bigint  not null,
    fee_minor      bigint  not null,
    fee_ppn_minor  bigint  not null,
    primary key (tenant_id, store_id, day, currency),
    foreign key (tenant_id, store_id, day) references report_day (tenant_id, store_id, day) on delete cascade,
    foreign key (tenant_id, store_id) references store (tenant_id, id)
);
alter table report_total enable row level security;
alter table report_total force row level security;
-- The tenant read once per statement (an InitPlan), like every policy since decision 0031: a bare call would run the
-- seal's HMAC for every row.
create policy report_total_tenant_isolation on report_total
    using (tenant_id = (select app_current_tenant()) or (select app_platform_access()))
    with check (tenant_id = (select app_current_tenant()) or (select app_platform_access()));
grant select, insert, update, delete on report_total to ${app_role};

-- The shape of the rollups a store day was rolled with (ReportFacts.VERSION). Days rolled before this table existed
-- have no totals row: reports read them from the sales, and the rollup job rolls them again, oldest first.
alter table report_day add column version smallint not null default 1;
create index report_day_version on report_day (tenant_id, version);

-- The day in progress is rolled up too, up to an instant an hour back (report_day.until; null for a whole day), and
-- the sales after it are read live. A write of a sale sold more than half an hour before the writing transaction
-- began can concern such a rollup even on the sale's own day (a refund at noon of a sale of 09:00, an offline payment
-- uploaded hours later), so every write the trigger lets through is now logged, whatever its day. The list of
-- changes after a day ended keeps only changes made on a later day.
alter table report_day add column until timestamptz;

create or replace function report_log_sale_change() returns trigger
    language plpgsql
    as $$
declare
    zone text;
begin
    if tg_op = 'UPDATE' and new.status = old.status and new.captured_minor = old.captured_minor
            and new.refunded_minor = old.refunded_minor and new.authorized_minor = old.authorized_minor then
        return new;
    end if;
    select time_zone into zone from store where tenant_id = new.tenant_id and id = new.store_id;
    insert into report_change (tenant_id, store_id, day, sale_id, kind, status, changed_at, xid)
    values (new.tenant_id, new.store_id, (new.sold_at at time zone zone)::date, new.id,
            case when tg_op = 'INSERT' then 'LATE_SALE' else 'SALE_CHANGED' end, new.status, now(),
            pg_current_xact_id());
    return new;
end $$;

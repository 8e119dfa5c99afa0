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
    fee_minor      bigint  not null,
    fee_ppn_minor  bigint  not null,
    primary key (tenant_id, store_id, day, currency),
    foreign key (tenant_id, store_id, day) references report_day (tenant_id, store_id, day) on delete cascade,
    foreign key (tenant_id, store_id) references store (tenant_id, id)
);
alter table report_total enable row level security;
alter table report_total force row level security;
create policy report_total_tenant_isolation on report_total
    using (tenant_id = app_current_tenant() or app_platform_access())
    with check (tenant_id = app_current_tenant() or app_platform_access());
grant select, insert, update, delete on report_total to ${app_role};

-- The shape of the rollups a store day was rolled with (ReportFacts.VERSION). Days rolled before this table existed
-- have no totals row: reports read them from the sales, and the rollup job rolls them again, oldest first.
alter table report_day add column version smallint not null default 1;
create index report_day_version on report_day (tenant_id, version);

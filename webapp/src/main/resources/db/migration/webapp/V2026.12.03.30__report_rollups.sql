-- Report rollups. A store's business day is its local calendar day (store.time_zone), never UTC. Once a day has
-- ended (plus an hour of grace), a job rolls it up into the tables below in one transaction and records the
-- snapshot it read in: a change to that day's sales made by a transaction the snapshot does not see (a late
-- offline upload, a refund or void of an older sale, a settlement line with its fee) is logged in report_change by
-- a trigger, which makes the day "dirty" until the job rolls it again. Reports read rolled days from here and every
-- other day (today, dirty days) straight from the sales, so "now" is always rollup + what is not rolled up yet.

create table report_day (
    tenant_id uuid        not null references tenant (id),
    store_id  uuid        not null,
    day       date        not null,
    rolled_at timestamptz not null,
    -- What the rollup read: changes by transactions outside it make the day dirty.
    snapshot  pg_snapshot not null,
    primary key (tenant_id, store_id, day),
    foreign key (tenant_id, store_id) references store (tenant_id, id)
);

-- Sales by hour of the local day (the figures of the Sales list's totals, by the time of sale).
create table report_hour (
    tenant_id      uuid     not null,
    store_id       uuid     not null,
    day            date     not null,
    hour           smallint not null check (hour between 0 and 23),
    currency       char(3)  not null,
    attempts       integer  not null,
    approved       integer  not null,
    declined       integer  not null,
    captured_count integer  not null,
    refund_count   integer  not null,
    captured_minor bigint   not null,
    refunded_minor bigint   not null,
    tip_minor      bigint   not null,
    tax_minor      bigint   not null,
    primary key (tenant_id, store_id, day, hour, currency),
    foreign key (tenant_id, store_id, day) references report_day (tenant_id, store_id, day) on delete cascade,
    foreign key (tenant_id, store_id) references store (tenant_id, id)
);

-- Sales by device, brand, entry mode and online/offline for the day, with the settlement fees known so far.
create table report_mix (
    tenant_id      uuid    not null,
    store_id       uuid    not null,
    day            date    not null,
    device_id      uuid    not null,
    brand          text    not null,
    entry_mode     text    not null,
    offline        boolean not null,
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
    primary key (tenant_id, store_id, day, device_id, brand, entry_mode, offline, currency),
    foreign key (tenant_id, store_id, day) references report_day (tenant_id, store_id, day) on delete cascade,
    foreign key (tenant_id, store_id) references store (tenant_id, id),
    foreign key (tenant_id, device_id) references device (tenant_id, id)
);

-- Items sold on the day (lines of captured sales).
create table report_item (
    tenant_id         uuid    not null,
    store_id          uuid    not null,
    day               date    not null,
    variant_id        uuid    not null,
    currency          char(3) not null,
    quantity          bigint  not null,
    returned_quantity bigint  not null,
    gross_minor       bigint  not null,
    tax_minor         bigint  not null,
    returned_minor    bigint  not null,
    primary key (tenant_id, store_id, day, variant_id, currency),
    foreign key (tenant_id, store_id, day) references report_day (tenant_id, store_id, day) on delete cascade,
    foreign key (tenant_id, store_id) references store (tenant_id, id),
    foreign key (tenant_id, variant_id) references catalog_variant (tenant_id, id)
);

-- Changes to a day after it ended: the sale responsible, and the transaction that made it (compared with a
-- rollup's snapshot). Settlement lines are logged too (kind SETTLED, one row per store day and statement, no sale)
-- so the day's fees are rolled again, but they are not shown as changes to the sales.
create table report_change (
    tenant_id  uuid        not null references tenant (id),
    store_id   uuid        not null,
    day        date        not null,
    sale_id    uuid,
    kind       text        not null check (kind in ('LATE_SALE', 'SALE_CHANGED', 'SETTLED')),
    status     text        not null,
    changed_at timestamptz not null,
    xid        xid8        not null,
    foreign key (tenant_id, store_id) references store (tenant_id, id),
    foreign key (tenant_id, sale_id) references sale (tenant_id, id)
);
-- A rollup is missing a change only if the change's transaction is not older than the rollup snapshot's xmin:
-- the check reads just those entries of the day.
create index report_change_day on report_change (tenant_id, store_id, day, xid);

-- A store's day closed by a person into a frozen day report (Z report); its figures' hash is in the audit chain.
create table report_z (
    tenant_id   uuid        not null references tenant (id),
    store_id    uuid        not null,
    day         date        not null,
    closed_at   timestamptz not null,
    closed_by   text        not null,
    figures     text        not null,
    figures_sha256 text     not null check (figures_sha256 ~ '^[0-9a-f]{64}$'),
    primary key (tenant_id, store_id, day),
    foreign key (tenant_id, store_id) references store (tenant_id, id)
);

-- The local day of an instant in a store's zone (the one rule for SQL; Java's is ReportDays).
create function report_local_day(t timestamptz, zone text) returns date
    language sql immutable parallel safe
    as $$ select (t at time zone zone)::date $$;

-- Logs a change to a sale of a day that has already ended in its store's zone. Runs in the changing transaction.
create function report_log_sale_change() returns trigger
    language plpgsql
    as $$
declare
    zone text;
    sale_day date;
begin
    if tg_op = 'UPDATE' and new.status = old.status and new.captured_minor = old.captured_minor
            and new.refunded_minor = old.refunded_minor and new.authorized_minor = old.authorized_minor then
        return new;
    end if;
    select time_zone into zone from store where tenant_id = new.tenant_id and id = new.store_id;
    sale_day := (new.sold_at at time zone zone)::date;
    if sale_day < (now() at time zone zone)::date then
        insert into report_change (tenant_id, store_id, day, sale_id, kind, status, changed_at, xid)
        values (new.tenant_id, new.store_id, sale_day, new.id,
                case when tg_op = 'INSERT' then 'LATE_SALE' else 'SALE_CHANGED' end, new.status, now(),
                pg_current_xact_id());
    end if;
    return new;
end $$;

-- Only writes of sales sold more than half an hour before the writing transaction began can concern a rolled-up
-- day: a day is rolled up an hour after it ended, and a payment's transaction lasts seconds. So the payment path
-- (a sale written as it happens) never calls the function.
create trigger sale_report_change after insert or update on sale
    for each row when (new.sold_at < now() - interval '30 minutes') execute function report_log_sale_change();

create function report_log_settlement() returns trigger
    language plpgsql
    as $$
begin
    insert into report_change (tenant_id, store_id, day, sale_id, kind, status, changed_at, xid)
    select distinct a.tenant_id, a.store_id, (a.sold_at at time zone st.time_zone)::date, null::uuid, 'SETTLED',
           'SETTLED', now(), pg_current_xact_id()
    from added a join store st on st.tenant_id = a.tenant_id and st.id = a.store_id;
    return null;
end $$;

-- Once per statement: a close of day inserts many lines at once.
create trigger settlement_line_report_change after insert on settlement_line
    referencing new table as added for each statement execute function report_log_settlement();

-- Reads of a range of local days per store use this index (sold_at within the store's day bounds).
create index if not exists sale_tenant_store_sold_at on sale (tenant_id, store_id, sold_at desc);

alter table report_day enable row level security;
alter table report_day force row level security;
create policy report_day_tenant_isolation on report_day
    using (tenant_id = app_current_tenant() or app_platform_access())
    with check (tenant_id = app_current_tenant() or app_platform_access());
alter table report_hour enable row level security;
alter table report_hour force row level security;
create policy report_hour_tenant_isolation on report_hour
    using (tenant_id = app_current_tenant() or app_platform_access())
    with check (tenant_id = app_current_tenant() or app_platform_access());
alter table report_mix enable row level security;
alter table report_mix force row level security;
create policy report_mix_tenant_isolation on report_mix
    using (tenant_id = app_current_tenant() or app_platform_access())
    with check (tenant_id = app_current_tenant() or app_platform_access());
alter table report_item enable row level security;
alter table report_item force row level security;
create policy report_item_tenant_isolation on report_item
    using (tenant_id = app_current_tenant() or app_platform_access())
    with check (tenant_id = app_current_tenant() or app_platform_access());
alter table report_change enable row level security;
alter table report_change force row level security;
create policy report_change_tenant_isolation on report_change
    using (tenant_id = app_current_tenant() or app_platform_access())
    with check (tenant_id = app_current_tenant() or app_platform_access());
alter table report_z enable row level security;
alter table report_z force row level security;
create policy report_z_tenant_isolation on report_z
    using (tenant_id = app_current_tenant() or app_platform_access())
    with check (tenant_id = app_current_tenant() or app_platform_access());

grant select, insert, update, delete on report_day, report_hour, report_mix, report_item to ${app_role};
grant select, insert on report_change, report_z to ${app_role};

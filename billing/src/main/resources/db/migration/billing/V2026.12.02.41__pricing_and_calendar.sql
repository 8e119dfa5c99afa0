-- Pricing plans (id.lapak.billing.pricing): per tenant, with history. A plan applies from its effective date; the
-- plan of a business day is the one with the latest effective date on or before it (the latest recorded wins a
-- tie). Plans are never edited: a change is a new plan, so every past fee can be explained by the plan it used.
create table pricing_plan (
    tenant_id      uuid        not null references tenant (id),
    id             uuid        not null,
    effective_from date        not null,
    currency       char(3)     not null,
    min_fee_minor  bigint      not null check (min_fee_minor >= 0),
    -- PPN (VAT) on the fee, in basis points: 1100 = 11 %.
    ppn_bp         integer     not null default 1100 check (ppn_bp between 0 and 10000),
    recorded_at    timestamptz not null,
    recorded_by    text        not null,
    primary key (tenant_id, id)
);
create index pricing_plan_effective on pricing_plan (tenant_id, effective_from desc, recorded_at desc);

create table pricing_rate (
    tenant_id   uuid    not null,
    plan_id     uuid    not null,
    brand       text    not null check (brand in ('VISA', 'MASTERCARD', 'JCB', 'AMEX', 'UNIONPAY', 'GPN', 'QRIS',
                            'UNKNOWN')),
    rate_bp     integer not null check (rate_bp between 0 and 10000),
    fixed_minor bigint  not null check (fixed_minor >= 0),
    primary key (tenant_id, plan_id, brand),
    foreign key (tenant_id, plan_id) references pricing_plan (tenant_id, id)
);

-- The fee rule, for the set-based close of day; id.lapak.billing.pricing.FeeRule is the same rule in Java and the
-- settlement tests check that both agree line by line: rate in basis points rounded half-up (away from zero) to
-- the minor unit, plus the fixed amount, at least the minimum fee.
create function settlement_fee(amount bigint, rate_bp integer, fixed bigint, minimum bigint) returns bigint
    language sql immutable parallel safe
as $$ select greatest(round(amount::numeric * rate_bp / 10000)::bigint + fixed, minimum) $$;
-- PPN on a fee, half-up.
create function settlement_bp(amount bigint, bp integer) returns bigint
    language sql immutable parallel safe
as $$ select round(amount::numeric * bp / 10000)::bigint $$;

-- A tenant's settlement settings: when its business day closes (local time of each store; 00:00 = midnight) and
-- after how many business days a batch is paid out. No row = the defaults.
create table settlement_settings (
    tenant_id          uuid        primary key references tenant (id),
    close_of_day       time        not null default '00:00',
    payout_delay_days  integer     not null default 1 check (payout_delay_days between 0 and 10),
    updated_at         timestamptz not null,
    updated_by         text        not null
);

-- Days banks do not pay out: Indonesian public holidays and cuti bersama (collective leave). Platform data (no
-- tenant); support edits it, everyone reads it.
create table holiday (
    day        date        primary key,
    name       text        not null check (length(name) between 1 and 200),
    collective_leave boolean not null default false,
    source     text        not null check (length(source) between 1 and 200),
    updated_at timestamptz not null,
    updated_by text        not null
);

insert into holiday (day, name, collective_leave, source, updated_at, updated_by)
select d::date, n, c, s, now(), 'migration' from (values
    ('2026-01-01', 'Tahun Baru Masehi', false, 'SKB 3 Menteri 2026'),
    ('2026-01-16', 'Isra Mikraj Nabi Muhammad SAW', false, 'SKB 3 Menteri 2026'),
    ('2026-02-16', 'Cuti bersama Tahun Baru Imlek', true, 'SKB 3 Menteri 2026'),
    ('2026-02-17', 'Tahun Baru Imlek 2577 Kongzili', false, 'SKB 3 Menteri 2026'),
    ('2026-03-18', 'Cuti bersama Hari Suci Nyepi', true, 'SKB 3 Menteri 2026'),
    ('2026-03-19', 'Hari Suci Nyepi Tahun Baru Saka 1948', false, 'SKB 3 Menteri 2026'),
    ('2026-03-20', 'Cuti bersama Idul Fitri 1447 H', true, 'SKB 3 Menteri 2026'),
    ('2026-03-21', 'Idul Fitri 1447 H', false, 'SKB 3 Menteri 2026'),
    ('2026-03-22', 'Idul Fitri 1447 H', false, 'SKB 3 Menteri 2026'),
    ('2026-03-23', 'Cuti bersama Idul Fitri 1447 H', true, 'SKB 3 Menteri 2026'),
    ('2026-03-24', 'Cuti bersama Idul Fitri 1447 H', true, 'SKB 3 Menteri 2026'),
    ('2026-04-03', 'Wafat Yesus Kristus', false, 'SKB 3 Menteri 2026'),
    ('2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)', false, 'SKB 3 Menteri 2026'),
    ('2026-05-01', 'Hari Buruh Internasional', false, 'SKB 3 Menteri 2026'),
    ('2026-05-14', 'Kenaikan Yesus Kristus', false, 'SKB 3 Menteri 2026'),
    ('2026-05-15', 'Cuti bersama Kenaikan Yesus Kristus', true, 'SKB 3 Menteri 2026'),
    ('2026-05-27', 'Idul Adha 1447 H', false, 'SKB 3 Menteri 2026'),
    ('2026-05-28', 'Cuti bersama Idul Adha 1447 H', true, 'SKB 3 Menteri 2026'),
    ('2026-05-31', 'Hari Raya Waisak 2570 BE', false, 'SKB 3 Menteri 2026'),
    ('2026-06-01', 'Hari Lahir Pancasila', false, 'SKB 3 Menteri 2026'),
    ('2026-06-16', 'Tahun Baru Islam 1448 H', false, 'SKB 3 Menteri 2026'),
    ('2026-08-17', 'Hari Kemerdekaan Republik Indonesia', false, 'SKB 3 Menteri 2026'),
    ('2026-08-25', 'Maulid Nabi Muhammad SAW', false, 'SKB 3 Menteri 2026'),
    ('2026-12-24', 'Cuti bersama Hari Raya Natal', true, 'SKB 3 Menteri 2026'),
    ('2026-12-25', 'Hari Raya Natal', false, 'SKB 3 Menteri 2026'),
    -- 2027 as projected from the Hijri, Chinese, Saka and church calendars; support confirms them against the
    -- SKB 3 Menteri for 2027 and corrects them on the holiday calendar page.
    ('2027-01-01', 'Tahun Baru Masehi', false, 'projected; confirm against SKB 3 Menteri 2027'),
    ('2027-01-05', 'Isra Mikraj Nabi Muhammad SAW', false, 'projected; confirm against SKB 3 Menteri 2027'),
    ('2027-02-06', 'Tahun Baru Imlek 2578 Kongzili', false, 'projected; confirm against SKB 3 Menteri 2027'),
    ('2027-03-08', 'Hari Suci Nyepi Tahun Baru Saka 1949', false, 'projected; confirm against SKB 3 Menteri 2027'),
    ('2027-03-10', 'Idul Fitri 1448 H', false, 'projected; confirm against SKB 3 Menteri 2027'),
    ('2027-03-11', 'Idul Fitri 1448 H', false, 'projected; confirm against SKB 3 Menteri 2027'),
    ('2027-03-09', 'Cuti bersama Idul Fitri 1448 H', true, 'projected; confirm against SKB 3 Menteri 2027'),
    ('2027-03-12', 'Cuti bersama Idul Fitri 1448 H', true, 'projected; confirm against SKB 3 Menteri 2027'),
    ('2027-03-26', 'Wafat Yesus Kristus', false, 'projected; confirm against SKB 3 Menteri 2027'),
    ('2027-03-28', 'Kebangkitan Yesus Kristus (Paskah)', false, 'projected; confirm against SKB 3 Menteri 2027'),
    ('2027-05-01', 'Hari Buruh Internasional', false, 'projected; confirm against SKB 3 Menteri 2027'),
    ('2027-05-06', 'Kenaikan Yesus Kristus', false, 'projected; confirm against SKB 3 Menteri 2027'),
    ('2027-05-17', 'Idul Adha 1448 H', false, 'projected; confirm against SKB 3 Menteri 2027'),
    ('2027-05-20', 'Hari Raya Waisak 2571 BE', false, 'projected; confirm against SKB 3 Menteri 2027'),
    ('2027-06-01', 'Hari Lahir Pancasila', false, 'projected; confirm against SKB 3 Menteri 2027'),
    ('2027-06-06', 'Tahun Baru Islam 1449 H', false, 'projected; confirm against SKB 3 Menteri 2027'),
    ('2027-08-15', 'Maulid Nabi Muhammad SAW', false, 'projected; confirm against SKB 3 Menteri 2027'),
    ('2027-08-17', 'Hari Kemerdekaan Republik Indonesia', false, 'projected; confirm against SKB 3 Menteri 2027'),
    ('2027-12-24', 'Cuti bersama Hari Raya Natal', true, 'projected; confirm against SKB 3 Menteri 2027'),
    ('2027-12-25', 'Hari Raya Natal', false, 'projected; confirm against SKB 3 Menteri 2027')
) as v(d, n, c, s);

alter table pricing_plan enable row level security;
alter table pricing_plan force row level security;
create policy pricing_plan_tenant_isolation on pricing_plan
    using (tenant_id = app_current_tenant() or app_platform_access())
    with check (tenant_id = app_current_tenant() or app_platform_access());

alter table pricing_rate enable row level security;
alter table pricing_rate force row level security;
create policy pricing_rate_tenant_isolation on pricing_rate
    using (tenant_id = app_current_tenant() or app_platform_access())
    with check (tenant_id = app_current_tenant() or app_platform_access());

alter table settlement_settings enable row level security;
alter table settlement_settings force row level security;
create policy settlement_settings_tenant_isolation on settlement_settings
    using (tenant_id = app_current_tenant() or app_platform_access())
    with check (tenant_id = app_current_tenant() or app_platform_access());

grant select, insert on pricing_plan, pricing_rate to ${app_role};
grant select, insert, update on settlement_settings to ${app_role};
grant select, insert, update, delete on holiday to ${app_role};
grant execute on function settlement_fee(bigint, integer, bigint, bigint) to ${app_role};
grant execute on function settlement_bp(bigint, integer) to ${app_role};

-- Billing the tenants (id.lapak.billing.subscription): what Lapak charges each merchant for the service. Not the
-- merchant fee plans of settlement (pricing_plan), which are what the acquirer side charges per sale.
--
-- Plans are platform data: a plan (code, name) and its prices with history. A price applies from its date; the
-- price of a day is the one with the latest date on or before it. Prices are never edited: a change is a new
-- price from a date, so every invoice line is explained by the price it used.
create table saas_plan (
    code        text        primary key check (code ~ '^[A-Z][A-Z0-9_]{1,29}$'),
    name        text        not null check (length(name) between 1 and 100),
    created_at  timestamptz not null,
    created_by  text        not null
);

create table saas_plan_price (
    plan_code         text        not null references saas_plan (code),
    effective_from    date        not null,
    currency          char(3)     not null,
    -- The platform fee of one month (an annual plan bills twelve of them in the month its year starts).
    monthly_fee_minor bigint      not null check (monthly_fee_minor between 0 and 1000000000),
    -- Per device active in the month, prorated by the days it was active.
    device_fee_minor  bigint      not null check (device_fee_minor between 0 and 100000000),
    trial_days        integer     not null check (trial_days between 0 and 366),
    billing_interval  text        not null check (billing_interval in ('MONTHLY', 'ANNUAL')),
    recorded_at       timestamptz not null,
    recorded_by       text        not null,
    -- Two prices of a plan from the same day would make the price of that day ambiguous.
    primary key (plan_code, effective_from)
);

-- Per-transaction fee in tiers: a tier applies from its transaction count (the first tier from 0) up to the next
-- tier's; e.g. from 0 at Rp 0 (the first 1,000 free), from 1000 at Rp 200.
create table saas_plan_tier (
    plan_code      text   not null,
    effective_from date   not null,
    from_count     bigint not null check (from_count >= 0),
    unit_minor     bigint not null check (unit_minor between 0 and 100000000),
    primary key (plan_code, effective_from, from_count),
    foreign key (plan_code, effective_from) references saas_plan_price (plan_code, effective_from)
);

-- Which plan a tenant is on from which day: the plan of a day is the subscription with the latest date on or
-- before it. One change per day; a change back-dated into a billed period is billed as a correction.
create table tenant_subscription (
    tenant_id      uuid        not null references tenant (id),
    effective_from date        not null,
    plan_code      text        not null references saas_plan (code),
    recorded_at    timestamptz not null,
    recorded_by    text        not null,
    primary key (tenant_id, effective_from)
);

-- Invoices, credit and debit notes. One invoice per tenant and billing period (the month in the tenant's zone),
-- by the database: a rerun, a second node or a crash cannot make a second one. What changed afterwards is a note
-- carrying only the difference; issued documents are immutable (only payment and dunning columns change).
create table saas_invoice (
    tenant_id      uuid        not null references tenant (id),
    id             uuid        not null,
    number         text        not null unique,
    kind           text        not null check (kind in ('INVOICE', 'CREDIT_NOTE', 'DEBIT_NOTE')),
    period         date        not null check (extract(day from period) = 1),
    corrects       uuid,
    currency       char(3)     not null,
    subtotal_minor bigint      not null,
    ppn_bp         integer     not null check (ppn_bp between 0 and 10000),
    ppn_minor      bigint      not null,
    total_minor    bigint      not null check (total_minor = subtotal_minor + ppn_minor),
    issued_at      timestamptz not null,
    due_on         date        not null,
    status         text        not null check (status in ('OPEN', 'PAID', 'CREDITED')),
    paid_at        timestamptz,
    paid_reference text        check (length(paid_reference) between 1 and 100),
    paid_by        text,
    reminded_at    timestamptz,
    suspended_at   timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, corrects) references saas_invoice (tenant_id, id),
    check ((kind = 'INVOICE') = (corrects is null)),
    check (kind <> 'CREDIT_NOTE' or total_minor < 0),
    check (kind = 'CREDIT_NOTE' or total_minor >= 0),
    check ((status = 'PAID') = (paid_at is not null))
);
create unique index saas_invoice_once_per_period on saas_invoice (tenant_id, period) where kind = 'INVOICE';
create index saas_invoice_status on saas_invoice (tenant_id, status, due_on);

create table saas_invoice_line (
    tenant_id    uuid     not null,
    invoice_id   uuid     not null,
    line_no      smallint not null check (line_no >= 1),
    kind         text     not null check (kind in ('PLAN', 'DEVICES', 'TRANSACTIONS', 'PPN')),
    -- What the line is for, stable across reruns so a correction compares like with like: PLAN:STARTER,
    -- DEVICES:STARTER, TRANSACTIONS:STARTER:1000.
    line_key     text     not null,
    quantity     bigint   not null,
    unit_minor   bigint   not null,
    amount_minor bigint   not null,
    primary key (tenant_id, invoice_id, line_no),
    unique (tenant_id, invoice_id, line_key),
    foreign key (tenant_id, invoice_id) references saas_invoice (tenant_id, id)
);

-- Gapless numbers per series and year: the row is locked by the update that takes the next number, in the
-- transaction that writes the invoice, so a rolled-back invoice gives its number back.
create table saas_invoice_counter (
    series  text    not null check (series in ('INV', 'CN', 'DN')),
    year    integer not null,
    last_no bigint  not null check (last_no >= 0),
    primary key (series, year)
);

alter table tenant_subscription enable row level security;
alter table tenant_subscription force row level security;
create policy tenant_subscription_tenant_isolation on tenant_subscription
    using (tenant_id = app_current_tenant() or app_platform_access())
    with check (tenant_id = app_current_tenant() or app_platform_access());

alter table saas_invoice enable row level security;
alter table saas_invoice force row level security;
create policy saas_invoice_tenant_isolation on saas_invoice
    using (tenant_id = app_current_tenant() or app_platform_access())
    with check (tenant_id = app_current_tenant() or app_platform_access());

alter table saas_invoice_line enable row level security;
alter table saas_invoice_line force row level security;
create policy saas_invoice_line_tenant_isolation on saas_invoice_line
    using (tenant_id = app_current_tenant() or app_platform_access())
    with check (tenant_id = app_current_tenant() or app_platform_access());

grant select, insert on saas_plan, saas_plan_price, saas_plan_tier, tenant_subscription to ${app_role};
grant select, insert on saas_invoice, saas_invoice_line to ${app_role};
grant update (status, paid_at, paid_reference, paid_by, reminded_at, suspended_at) on saas_invoice to ${app_role};
grant select, insert, update on saas_invoice_counter to ${app_role};

-- The plans Lapak starts with, from 1 January 2026, and every tenant on the plan it was onboarded with.
insert into saas_plan (code, name, created_at, created_by) values
    ('STARTER', 'Starter', now(), 'migration'),
    ('GROWTH', 'Growth', now(), 'migration'),
    ('ENTERPRISE', 'Enterprise', now(), 'migration');
insert into saas_plan_price (plan_code, effective_from, currency, monthly_fee_minor, device_fee_minor, trial_days,
                             billing_interval, recorded_at, recorded_by) values
    ('STARTER', '2026-01-01', 'IDR', 99000, 25000, 30, 'MONTHLY', now(), 'migration'),
    ('GROWTH', '2026-01-01', 'IDR', 299000, 20000, 14, 'MONTHLY', now(), 'migration'),
    ('ENTERPRISE', '2026-01-01', 'IDR', 1499000, 15000, 0, 'ANNUAL', now(), 'migration');
insert into saas_plan_tier (plan_code, effective_from, from_count, unit_minor) values
    ('STARTER', '2026-01-01', 0, 0), ('STARTER', '2026-01-01', 1000, 200),
    ('GROWTH', '2026-01-01', 0, 0), ('GROWTH', '2026-01-01', 5000, 150), ('GROWTH', '2026-01-01', 50000, 100),
    ('ENTERPRISE', '2026-01-01', 0, 0), ('ENTERPRISE', '2026-01-01', 20000, 80);
insert into tenant_subscription (tenant_id, effective_from, plan_code, recorded_at, recorded_by)
select t.id, date_trunc('month', t.created_at at time zone t.time_zone)::date, to_jsonb(t) ->> 'plan', now(),
       'migration'
from tenant t where to_jsonb(t) ->> 'plan' in ('STARTER', 'GROWTH', 'ENTERPRISE');

alter table mail_outbox drop constraint mail_outbox_kind_check;
alter table mail_outbox add constraint mail_outbox_kind_check
    check (kind in ('LOW_STOCK', 'RECEIPT', 'SETTLEMENT_STATEMENT', 'PAYOUT_ACCOUNT_CHANGED', 'SCHEDULED_REPORT',
                    'SAAS_INVOICE', 'SAAS_INVOICE_REMINDER'));

-- Settlement batches and payouts (id.lapak.billing.settlement, id.lapak.billing.payout).

-- Where a tenant's money is paid. A change of account is a new row; the old one is deactivated, so batches and
-- payouts keep pointing at the account they were paid to. The full number is needed for the bank file; pages show
-- it masked.
create table payout_account (
    tenant_id      uuid        not null references tenant (id),
    id             uuid        not null,
    bank_code      text        not null check (bank_code ~ '^[0-9]{3}$'),
    bank_name      text        not null check (length(bank_name) between 1 and 100),
    holder_name    text        not null check (length(holder_name) between 1 and 140),
    account_number text        not null check (account_number ~ '^[0-9]{6,20}$'),
    active         boolean     not null,
    created_at     timestamptz not null,
    created_by     text        not null,
    primary key (tenant_id, id)
);
create unique index payout_account_one_active on payout_account (tenant_id) where active;

-- One batch per tenant, payout account, currency and business day, created closed: exactly once is this key, a
-- rerun of a closed day inserts nothing. A tenant without a payout account still has its days closed (account
-- null, the key treats null as one value); its money waits on merchant payable.
create table settlement_batch (
    tenant_id             uuid        not null references tenant (id),
    id                    uuid        not null,
    payout_account_id     uuid,
    currency              char(3)     not null,
    business_day          date        not null,
    closed_at             timestamptz not null,
    line_count            integer     not null check (line_count >= 0),
    late_count            integer     not null check (late_count >= 0),
    gross_minor           bigint      not null check (gross_minor >= 0),
    refunds_minor         bigint      not null check (refunds_minor >= 0),
    fees_minor            bigint      not null check (fees_minor >= 0),
    ppn_minor             bigint      not null check (ppn_minor >= 0),
    -- A negative balance of the previous batch, carried into this one (never a negative payout).
    carried_in_minor      bigint      not null default 0 check (carried_in_minor <= 0),
    carried_from_batch_id uuid,
    net_minor             bigint      generated always as
                              (gross_minor - refunds_minor - fees_minor - ppn_minor + carried_in_minor) stored,
    primary key (tenant_id, id),
    foreign key (tenant_id, payout_account_id) references payout_account (tenant_id, id),
    foreign key (tenant_id, carried_from_batch_id) references settlement_batch (tenant_id, id)
);
create unique index settlement_batch_once on settlement_batch (tenant_id, payout_account_id, currency, business_day)
    nulls not distinct;
-- A negative batch is carried once.
create unique index settlement_batch_carried_once on settlement_batch (tenant_id, carried_from_batch_id);
create index settlement_batch_day on settlement_batch (tenant_id, business_day desc);

-- Every money-moving payment operation in exactly one batch.
create table settlement_line (
    tenant_id     uuid        not null,
    batch_id      uuid        not null,
    operation_id  uuid        not null,
    sale_id       uuid        not null,
    store_id      uuid        not null,
    kind          text        not null check (kind in ('CAPTURE', 'REFUND', 'REVERSAL')),
    brand         text        not null,
    recorded_at   timestamptz not null,
    sold_at       timestamptz not null,
    -- Signed: a capture adds, a refund or reversal takes away.
    gross_minor   bigint      not null,
    fee_minor     bigint      not null check (fee_minor >= 0),
    ppn_minor     bigint      not null check (ppn_minor >= 0),
    -- Recorded or sold before the batch's day (an offline sale uploaded later, a refund after a closed day).
    late          boolean     not null,
    primary key (tenant_id, operation_id),
    foreign key (tenant_id, batch_id) references settlement_batch (tenant_id, id),
    foreign key (tenant_id, operation_id) references payment_operation (tenant_id, id),
    foreign key (tenant_id, sale_id) references sale (tenant_id, id),
    foreign key (tenant_id, store_id) references store (tenant_id, id)
);
create index settlement_line_batch on settlement_line (tenant_id, batch_id, store_id);
create index settlement_line_sale on settlement_line (tenant_id, sale_id);

-- A payout file run: platform data, made by support for every tenant's payouts due.
create table payout_run (
    id          uuid        primary key,
    created_at  timestamptz not null,
    created_by  text        not null,
    due_on      date        not null,
    payouts     integer     not null,
    total_minor bigint      not null,
    currency    char(3)     not null
);

-- One payout per batch. scheduled -> sent -> paid | failed; paid -> failed later (the bank returned it).
create table payout (
    tenant_id         uuid        not null,
    id                uuid        not null,
    batch_id          uuid        not null,
    payout_account_id uuid        not null,
    currency          char(3)     not null,
    amount_minor      bigint      not null check (amount_minor > 0),
    expected_on       date        not null,
    status            text        not null check (status in ('SCHEDULED', 'SENT', 'PAID', 'FAILED')),
    run_id            uuid        references payout_run (id),
    bank_reference    text        check (length(bank_reference) <= 100),
    failure_reason    text        check (length(failure_reason) <= 500),
    created_at        timestamptz not null,
    status_changed_at timestamptz not null,
    version           bigint      not null default 0,
    primary key (tenant_id, id),
    unique (tenant_id, batch_id),
    foreign key (tenant_id, batch_id) references settlement_batch (tenant_id, id),
    foreign key (tenant_id, payout_account_id) references payout_account (tenant_id, id)
);
create index payout_due on payout (status, expected_on);
create index payout_tenant_expected on payout (tenant_id, expected_on desc);

alter table payout_account enable row level security;
alter table payout_account force row level security;
create policy payout_account_tenant_isolation on payout_account
    using (tenant_id = app_current_tenant() or app_platform_access())
    with check (tenant_id = app_current_tenant() or app_platform_access());

alter table settlement_batch enable row level security;
alter table settlement_batch force row level security;
create policy settlement_batch_tenant_isolation on settlement_batch
    using (tenant_id = app_current_tenant() or app_platform_access())
    with check (tenant_id = app_current_tenant() or app_platform_access());

alter table settlement_line enable row level security;
alter table settlement_line force row level security;
create policy settlement_line_tenant_isolation on settlement_line
    using (tenant_id = app_current_tenant() or app_platform_access())
    with check (tenant_id = app_current_tenant() or app_platform_access());

alter table payout enable row level security;
alter table payout force row level security;
create policy payout_tenant_isolation on payout
    using (tenant_id = app_current_tenant() or app_platform_access())
    with check (tenant_id = app_current_tenant() or app_platform_access());

grant select, insert, update on payout_account to ${app_role};
grant select, insert on settlement_batch, settlement_line, payout_run to ${app_role};
grant select, insert, update on payout to ${app_role};

-- The close of day looks for money-moving operations by the time they were recorded.
create index payment_operation_settleable on payment_operation (tenant_id, completed_at)
    where status = 'SUCCEEDED' and kind in ('CAPTURE', 'REFUND', 'REVERSAL');

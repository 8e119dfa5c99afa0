-- Manual ledger adjustments (id.lapak.billing.settlement.AdjustmentService): money support or the merchant admin
-- gives to (positive) or takes from (negative) the merchant, with a reason. An adjustment is never edited: a wrong
-- one is corrected by another. Posting it writes an ADJUSTMENT ledger transaction (adjustments against merchant
-- pending); the next business day closed puts it into that day's batch, exactly once (settlement_adjustment_line's
-- key), and the batch's settlement moves it from pending to payable with the sales.
create table ledger_adjustment (
    tenant_id    uuid        not null references tenant (id),
    id           uuid        not null,
    currency     char(3)     not null,
    amount_minor bigint      not null check (amount_minor <> 0),
    reason       text        not null check (length(btrim(reason)) between 3 and 500),
    created_at   timestamptz not null,
    created_by   text        not null,
    primary key (tenant_id, id)
);
create index ledger_adjustment_time on ledger_adjustment (tenant_id, created_at);

create table settlement_adjustment_line (
    tenant_id     uuid   not null,
    adjustment_id uuid   not null,
    batch_id      uuid   not null,
    amount_minor  bigint not null,
    primary key (tenant_id, adjustment_id),
    foreign key (tenant_id, adjustment_id) references ledger_adjustment (tenant_id, id),
    foreign key (tenant_id, batch_id) references settlement_batch (tenant_id, id)
);
create index settlement_adjustment_line_batch on settlement_adjustment_line (tenant_id, batch_id);

alter table settlement_batch add column adjustment_count integer not null default 0 check (adjustment_count >= 0);
alter table settlement_batch add column adjustments_minor bigint not null default 0;
alter table settlement_batch alter column net_minor set expression as
    (gross_minor - refunds_minor - fees_minor - ppn_minor + adjustments_minor + carried_in_minor);

alter table ledger_adjustment enable row level security;
alter table ledger_adjustment force row level security;
create policy ledger_adjustment_tenant_isolation on ledger_adjustment
    using (tenant_id = app_current_tenant() or app_platform_access())
    with check (tenant_id = app_current_tenant() or app_platform_access());

alter table settlement_adjustment_line enable row level security;
alter table settlement_adjustment_line force row level security;
create policy settlement_adjustment_line_tenant_isolation on settlement_adjustment_line
    using (tenant_id = app_current_tenant() or app_platform_access())
    with check (tenant_id = app_current_tenant() or app_platform_access());

grant select, insert on ledger_adjustment, settlement_adjustment_line to ${app_role};

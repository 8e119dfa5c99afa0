-- The merchant ledger: append-only double entry per tenant (id.lapak.billing.ledger). Every money event is one
-- ledger_transaction whose ledger_entry rows sum to zero; an entry's amount is signed (debit positive, credit
-- negative) on one account of a fixed chart. Balances are sums of entries; a mistake is corrected by a new
-- transaction, never an edit: the application role may only read and insert.
create table ledger_transaction (
    tenant_id    uuid        not null references tenant (id),
    id           uuid        not null,
    kind         text        not null check (kind in ('CAPTURE', 'REFUND', 'REVERSAL', 'CHARGEBACK',
                                 'CHARGEBACK_REVERSAL', 'SETTLEMENT', 'PAYOUT_SENT', 'PAYOUT_PAID', 'PAYOUT_FAILED',
                                 'ADJUSTMENT')),
    currency     char(3)     not null,
    -- What caused it: the payment operation (capture, refund, reversal), the batch, the payout or the adjustment.
    source_id    uuid        not null,
    sale_id      uuid,
    store_id     uuid,
    occurred_at  timestamptz not null,
    recorded_at  timestamptz not null,
    actor        text        not null,
    reason       text        check (length(reason) <= 500),
    primary key (tenant_id, id)
);
-- Exactly once per cause: a rerun that posts the same event again hits this key and changes nothing.
create unique index ledger_transaction_once on ledger_transaction (tenant_id, kind, source_id)
    where kind <> 'ADJUSTMENT';
create index ledger_transaction_sale on ledger_transaction (tenant_id, sale_id) where sale_id is not null;
create index ledger_transaction_store_time on ledger_transaction (tenant_id, store_id, occurred_at);

create table ledger_entry (
    tenant_id      uuid   not null,
    transaction_id uuid   not null,
    entry_no       smallint not null check (entry_no >= 1),
    account        text   not null check (account in ('ACQUIRER_RECEIVABLE', 'MERCHANT_PENDING', 'MERCHANT_PAYABLE',
                              'PAYOUT_IN_TRANSIT', 'PLATFORM_FEES', 'PPN_ON_FEES', 'PLATFORM_CASH', 'ADJUSTMENTS')),
    amount_minor   bigint not null check (amount_minor <> 0),
    primary key (tenant_id, transaction_id, entry_no),
    foreign key (tenant_id, transaction_id) references ledger_transaction (tenant_id, id)
);
create index ledger_entry_account on ledger_entry (tenant_id, account);

-- Balanced, enforced by the database: the entries of one transaction are inserted by one statement, and after
-- that statement every transaction it touched must sum to zero over all its entries. A statement-level trigger
-- over the transition table checks millions of entries in one pass (a per-row constraint trigger would run one
-- query per entry at commit).
create function ledger_entries_balanced() returns trigger
    language plpgsql
as $$
declare
    unbalanced uuid;
begin
    select t.transaction_id into unbalanced
    from (select distinct tenant_id, transaction_id from new_entries) t
    join ledger_entry e on e.tenant_id = t.tenant_id and e.transaction_id = t.transaction_id
    group by t.tenant_id, t.transaction_id
    having sum(e.amount_minor) <> 0
    limit 1;
    if unbalanced is not null then
        raise exception 'ledger transaction % does not balance', unbalanced
            using errcode = '23514', constraint = 'ledger_transaction_balanced';
    end if;
    return null;
end
$$;
create trigger ledger_entry_balanced after insert on ledger_entry
    referencing new table as new_entries
    for each statement execute function ledger_entries_balanced();

alter table ledger_transaction enable row level security;
alter table ledger_transaction force row level security;
create policy ledger_transaction_tenant_isolation on ledger_transaction
    using (tenant_id = app_current_tenant() or app_platform_access())
    with check (tenant_id = app_current_tenant() or app_platform_access());

alter table ledger_entry enable row level security;
alter table ledger_entry force row level security;
create policy ledger_entry_tenant_isolation on ledger_entry
    using (tenant_id = app_current_tenant() or app_platform_access())
    with check (tenant_id = app_current_tenant() or app_platform_access());

grant select, insert on ledger_transaction, ledger_entry to ${app_role};

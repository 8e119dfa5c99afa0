-- The hand-written set-based baseline of closing one business day for every tenant at once: the same writes as
-- id.lapak.billing.settlement.DayClose (batches from the day's lines, the settlement's ledger transaction and
-- entries, payouts), in four statements. The lines and their own ledger postings were written as each operation
-- succeeded (billing migration V2026.12.04.70), as the benchmark's seed does.
-- psql: psql -v day=2026-12-01 -v now="'2026-12-02T02:00:00Z'" -f close-day.sql   (as a role with platform access,
-- allowed to create temporary tables). SettlementCloseBench runs these statements over one connection in one
-- transaction and rolls them back.
create temporary table bench_batches on commit drop as
with inserted as (
    insert into settlement_batch (tenant_id, id, payout_account_id, currency, business_day, closed_at, line_count,
        late_count, gross_minor, refunds_minor, fees_minor, ppn_minor)
    select l.tenant_id, settlement_batch_id(l.tenant_id, l.currency, :'day'::date), a.id, l.currency, :'day'::date,
           :now::timestamptz, count(*), count(*) filter (where l.late),
           coalesce(sum(l.gross_minor) filter (where l.gross_minor > 0), 0),
           coalesce(-sum(l.gross_minor) filter (where l.gross_minor < 0), 0), sum(l.fee_minor), sum(l.ppn_minor)
    from settlement_line l left join payout_account a on a.tenant_id = l.tenant_id and a.active
    where l.business_day = :'day'::date
    group by l.tenant_id, a.id, l.currency
    on conflict do nothing
    returning tenant_id, id, currency, payout_account_id, net_minor, closed_at)
select * from inserted;

insert into ledger_transaction (tenant_id, id, kind, currency, source_id, sale_id, store_id, occurred_at, recorded_at,
    actor)
select b.tenant_id, b.id, 'SETTLEMENT', b.currency, b.id, null, null, b.closed_at, :now::timestamptz, 'close of day'
from bench_batches b;

insert into ledger_entry (tenant_id, transaction_id, entry_no, account, amount_minor)
select s.tenant_id, s.id, e.no, e.account, e.amount
from settlement_batch s join bench_batches b on b.tenant_id = s.tenant_id and b.id = s.id
cross join lateral (values
    (1, 'MERCHANT_PENDING', s.gross_minor - s.refunds_minor),
    (2, 'MERCHANT_PAYABLE', -(s.gross_minor - s.refunds_minor - s.fees_minor - s.ppn_minor)),
    (3, 'PLATFORM_FEES', -s.fees_minor),
    (4, 'PPN_ON_FEES', -s.ppn_minor)) e(no, account, amount)
where e.amount <> 0;

insert into payout (tenant_id, id, batch_id, payout_account_id, currency, amount_minor, expected_on, status,
    created_at, status_changed_at)
select b.tenant_id, gen_random_uuid(), b.id, b.payout_account_id, b.currency, b.net_minor, :'day'::date + 1,
       'SCHEDULED', :now::timestamptz, :now::timestamptz
from bench_batches b where b.net_minor > 0 and b.payout_account_id is not null;

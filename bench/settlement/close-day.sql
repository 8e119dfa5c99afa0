-- The hand-written set-based baseline of closing one business day for every tenant at once: the same writes as
-- id.lapak.billing.settlement.DayClose (batches, lines, ledger transactions and entries, payouts), in four
-- statements, with the day's windows computed in SQL from each store's zone (close of day 00:00).
-- psql: psql -v day=2026-12-01 -v now="'2026-12-02T02:00:00Z'" -f close-day.sql   (as a role with platform access)
-- SettlementCloseBench runs these statements over one connection in one transaction and rolls them back.
select set_config('app.platform', 'on', true);

create temporary table bench_priced on commit drop as
with plan as (
    select distinct on (p.tenant_id) p.tenant_id, p.id, p.min_fee_minor, p.ppn_bp from pricing_plan p
    where p.effective_from <= :'day'::date order by p.tenant_id, p.effective_from desc, p.recorded_at desc
),
ops as (
    select o.tenant_id, o.id as operation_id, o.sale_id, s.store_id, o.kind, coalesce(s.card_brand, 'UNKNOWN') brand,
           o.completed_at as recorded_at, s.sold_at, s.currency,
           case when o.kind = 'CAPTURE' then o.amount_minor else -o.amount_minor end as gross,
           (o.completed_at < (:'day'::date)::timestamp at time zone st.time_zone
            or (o.kind = 'CAPTURE' and s.sold_at < (:'day'::date)::timestamp at time zone st.time_zone)) as late
    from payment_operation o
    join sale s on s.tenant_id = o.tenant_id and s.id = o.sale_id
    join store st on st.tenant_id = s.tenant_id and st.id = s.store_id
    where o.status = 'SUCCEEDED' and o.kind in ('CAPTURE', 'REFUND')
      and o.completed_at < (:'day'::date + 1)::timestamp at time zone st.time_zone
      and not exists (select 1 from settlement_line l where l.tenant_id = o.tenant_id and l.operation_id = o.id)
)
select ops.*, f.fee, case when pl.id is null then 0 else settlement_bp(f.fee, pl.ppn_bp) end as ppn
from ops
left join plan pl on pl.tenant_id = ops.tenant_id
left join pricing_rate r on r.tenant_id = ops.tenant_id and r.plan_id = pl.id and r.brand = ops.brand
cross join lateral (select case when ops.kind = 'CAPTURE' and pl.id is not null
    then settlement_fee(ops.gross, coalesce(r.rate_bp, 0), coalesce(r.fixed_minor, 0), pl.min_fee_minor)
    else 0 end as fee) f;

create temporary table bench_batches on commit drop as
with inserted as (
    insert into settlement_batch (tenant_id, id, payout_account_id, currency, business_day, closed_at, line_count,
        late_count, gross_minor, refunds_minor, fees_minor, ppn_minor)
    select p.tenant_id, gen_random_uuid(), a.id, p.currency, :'day'::date, :now::timestamptz, count(*),
           count(*) filter (where p.late), coalesce(sum(p.gross) filter (where p.gross > 0), 0),
           coalesce(-sum(p.gross) filter (where p.gross < 0), 0), sum(p.fee), sum(p.ppn)
    from bench_priced p left join payout_account a on a.tenant_id = p.tenant_id and a.active
    group by p.tenant_id, a.id, p.currency
    on conflict do nothing
    returning tenant_id, id, currency, payout_account_id, net_minor, closed_at)
select * from inserted;

insert into settlement_line (tenant_id, batch_id, operation_id, sale_id, store_id, kind, brand, recorded_at, sold_at,
    gross_minor, fee_minor, ppn_minor, late)
select p.tenant_id, b.id, p.operation_id, p.sale_id, p.store_id, p.kind, p.brand, p.recorded_at, p.sold_at, p.gross,
       p.fee, p.ppn, p.late
from bench_priced p join bench_batches b on b.tenant_id = p.tenant_id and b.currency = p.currency;

insert into ledger_transaction (tenant_id, id, kind, currency, source_id, sale_id, store_id, occurred_at, recorded_at,
    actor)
select p.tenant_id, p.operation_id, p.kind, p.currency, p.operation_id, p.sale_id, p.store_id, p.recorded_at,
       :now::timestamptz, 'close of day'
from bench_priced p join bench_batches b on b.tenant_id = p.tenant_id and b.currency = p.currency
union all
select b.tenant_id, b.id, 'SETTLEMENT', b.currency, b.id, null, null, b.closed_at, :now::timestamptz, 'close of day'
from bench_batches b;

insert into ledger_entry (tenant_id, transaction_id, entry_no, account, amount_minor)
select p.tenant_id, p.operation_id, e.no, e.account, e.amount
from bench_priced p join bench_batches b on b.tenant_id = p.tenant_id and b.currency = p.currency
cross join lateral (values (1, 'ACQUIRER_RECEIVABLE', p.gross), (2, 'MERCHANT_PENDING', -p.gross)) e(no, account, amount)
union all
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

-- The settlement recorder reads the operation by its primary key alone (docs/decisions/0045, bench/README.md
-- "Payments"). It read it by id, status and kind; PL/pgSQL plans that once per session as a generic plan, and a plan
-- made while the table was small took the partial index of succeeded operations, (tenant_id, completed_at), and
-- filtered on id: every capture then read all the tenant's earlier ones (1,491 rows removed by the filter after
-- 3,000 payments), a cost that grew with the tenant. Status and kind are now checked on the row read. The sale, its
-- store's zone and the tenant's close of day are read by one statement, the plan and its rate for the brand by one.
-- The row is still read, not taken from the trigger: the application's role may call the recorder, and a row it
-- passed could say anything; one it reads is the operation as stored.

create or replace function settlement_record(tenant uuid, operation uuid) returns void
    language plpgsql
    set search_path = ${schema}, pg_temp
as $$
declare
    op payment_operation;
    s record;
    own_day date;
    last_closed date;
    line_day date;
    plan record;
    gross bigint;
    fee bigint := 0;
    ppn bigint := 0;
    recorded timestamptz;
    written integer;
begin
    select * into op from payment_operation o where o.tenant_id = tenant and o.id = operation;
    if op.id is null or op.status <> 'SUCCEEDED'
            or op.kind not in ('CAPTURE', 'REFUND', 'REVERSAL', 'CHARGEBACK', 'CHARGEBACK_REVERSAL') then
        return;
    end if;
    recorded := coalesce(op.completed_at, now());
    if op.kind = 'REVERSAL' and not exists (
            select 1 from payment_operation c where c.tenant_id = op.tenant_id and c.sale_id = op.sale_id
            and c.kind = 'CAPTURE' and c.status = 'SUCCEEDED') then
        return;
    end if;
    select sa.store_id, sa.currency, coalesce(sa.card_brand, 'UNKNOWN') as brand, sa.sold_at, st.time_zone as zone,
           coalesce((select x.close_of_day from settlement_settings x where x.tenant_id = sa.tenant_id),
                    time '00:00') as close_of_day
    into s
    from sale sa join store st on st.tenant_id = sa.tenant_id and st.id = sa.store_id
    where sa.tenant_id = op.tenant_id and sa.id = op.sale_id;
    own_day := settlement_business_day(recorded, s.zone, s.close_of_day);
    -- The close of a day holds this lock exclusively: a day is either closed before this line looks, or not
    -- closed until this transaction has ended.
    perform pg_advisory_xact_lock_shared(hashtextextended('settlement-close:' || op.tenant_id::text, 0));
    select max(b.business_day) into last_closed from settlement_batch b where b.tenant_id = op.tenant_id;
    line_day := greatest(own_day, last_closed + 1);
    gross := case when op.kind in ('CAPTURE', 'CHARGEBACK_REVERSAL') then op.amount_minor else -op.amount_minor end;
    select p.id, p.min_fee_minor, p.ppn_bp, r.rate_bp, r.fixed_minor into plan
    from (select p.id, p.min_fee_minor, p.ppn_bp from pricing_plan p
          where p.tenant_id = op.tenant_id and p.effective_from <= line_day
          order by p.effective_from desc, p.recorded_at desc limit 1) p
    left join pricing_rate r on r.tenant_id = op.tenant_id and r.plan_id = p.id and r.brand = s.brand;
    if op.kind = 'CAPTURE' and plan.id is not null then
        fee := settlement_fee(gross, coalesce(plan.rate_bp, 0), coalesce(plan.fixed_minor, 0), plan.min_fee_minor);
    end if;
    if plan.id is not null then
        ppn := settlement_bp(fee, plan.ppn_bp);
    end if;
    insert into settlement_line (tenant_id, batch_id, operation_id, sale_id, store_id, kind, brand, recorded_at,
        sold_at, gross_minor, fee_minor, ppn_minor, late, business_day, currency)
    values (op.tenant_id, settlement_batch_id(op.tenant_id, s.currency, line_day), op.id, op.sale_id, s.store_id,
        op.kind, s.brand, recorded, s.sold_at, gross, fee, ppn,
        own_day < line_day
            or (op.kind = 'CAPTURE' and settlement_business_day(s.sold_at, s.zone, s.close_of_day) < line_day),
        line_day, s.currency)
    on conflict do nothing;
    get diagnostics written = row_count;
    if written = 0 or gross = 0 then
        return;
    end if;
    insert into ledger_transaction (tenant_id, id, kind, currency, source_id, sale_id, store_id, occurred_at,
        recorded_at, actor)
    values (op.tenant_id, op.id, op.kind, s.currency, op.id, op.sale_id, s.store_id, recorded, now(), op.actor)
    on conflict do nothing;
    get diagnostics written = row_count;
    if written = 1 then
        insert into ledger_entry (tenant_id, transaction_id, entry_no, account, amount_minor)
        values (op.tenant_id, op.id, 1, 'ACQUIRER_RECEIVABLE', gross),
               (op.tenant_id, op.id, 2, 'MERCHANT_PENDING', -gross);
    end if;
end
$$;

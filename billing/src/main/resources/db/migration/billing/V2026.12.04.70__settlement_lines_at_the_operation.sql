-- A money-moving operation is priced, placed in its batch and posted to the ledger when it succeeds, by the
-- database, in the operation's own transaction (docs/decisions/0045). The close of day then only adds each batch's
-- lines up: it writes one batch, one settlement posting and one payout per tenant and day instead of a line, a
-- ledger transaction and two entries per operation (bench/settlement-close.sh: the per-row foreign-key checks,
-- index inserts and row-level checks of 4,200,000 rows were the close's floor).
--
-- A line's batch is known before the batch exists: its id is a function of (tenant, currency, business day), and
-- the batch row is written, closed, by the close of that day. A line whose day was already closed when its
-- operation succeeded goes to the next open day (late), decided under a shared lock that the close takes
-- exclusively, so a closed batch is never reopened.

select set_config('app.platform', 'on', true);

-- The three functions below have no search_path of their own so that PostgreSQL inlines them into the statements that
-- call them (a function with SET is called, never inlined: about 50 µs a business day); they name nothing but
-- built-ins and each other, schema-qualified, and a temporary schema is never searched for functions.

-- The id of a tenant's batch of one currency and business day.
create function settlement_batch_id(tenant uuid, currency text, day date) returns uuid
    language sql immutable parallel safe
as $$ select pg_catalog.md5('settlement-batch:' || tenant::text || ':' || currency || ':' || day::text)::uuid $$;

-- The first instant of business day `day` in `zone` with the tenant's close of day: BusinessDay.start, in SQL
-- (a close-of-day time skipped by a spring-forward gap moves forward by the gap's length; one that happens twice
-- starts the day at its first occurrence, found one hour earlier: every zone Lapak serves shifts by whole hours, a
-- 30-minute shift such as Lord Howe's would need the offset's own difference). SettlementDaySqlIntegrationTest compares
-- both around daylight-saving changes.
create function settlement_day_start(day date, zone text, close_of_day time) returns timestamptz
    language sql stable parallel safe
as $$
    select case when ((((day + close_of_day) at time zone zone) - interval '1 hour') at time zone zone)
                     = day + close_of_day
                then ((day + close_of_day) at time zone zone) - interval '1 hour'
                else (day + close_of_day) at time zone zone end
$$;

-- The business day an instant belongs to: BusinessDay.of, in SQL.
create function settlement_business_day(at timestamptz, zone text, close_of_day time) returns date
    language sql stable parallel safe
as $$
    select case when at < ${schema}.settlement_day_start((at at time zone zone)::date, zone, close_of_day)
                then (at at time zone zone)::date - 1
                when at >= ${schema}.settlement_day_start((at at time zone zone)::date + 1, zone, close_of_day)
                then (at at time zone zone)::date + 1
                else (at at time zone zone)::date end
$$;

-- A line's day and currency; the lines written so far take their batch's.
alter table settlement_line add column business_day date;
alter table settlement_line add column currency char(3);
update settlement_line l set business_day = b.business_day, currency = b.currency
from settlement_batch b where b.tenant_id = l.tenant_id and b.id = l.batch_id;
alter table settlement_line alter column business_day set not null;
alter table settlement_line alter column currency set not null;

-- The batch row is written when its day closes, after its lines; the id rule takes the foreign key's place for
-- every new line (the lines written before keep the random ids of their batches, which exist).
alter table settlement_line drop constraint settlement_line_tenant_id_batch_id_fkey;
alter table settlement_line add constraint settlement_line_batch_of_its_day
    check (batch_id = settlement_batch_id(tenant_id, currency, business_day)) not valid;
-- The close adds a day's lines up from this index alone (an index-only scan): a tenant's lines of a day are written
-- among every other tenant's, one heap page each, but sit together here. Autovacuum visits the table every 100,000
-- new lines whatever its size, so the visibility map keeps up and the scan stays index-only.
create index settlement_line_day on settlement_line (tenant_id, business_day)
    include (currency, late, gross_minor, fee_minor, ppn_minor);
alter table settlement_line set (autovacuum_vacuum_insert_threshold = 100000,
                                 autovacuum_vacuum_insert_scale_factor = 0);
-- The close no longer looks for operations.
drop index payment_operation_settleable;

-- Records one successful money-moving operation: its line in the batch of the day it was recorded (or the next open
-- day), priced by the plan of that day, and its ledger transaction (acquirer receivable against merchant pending).
-- Runs as the caller, under row-level security like any of its statements. It reads the operation itself and does
-- nothing for one that has not succeeded, is not money-moving or is recorded already, so calling it directly can
-- only do what the trigger would have done.
create function settlement_record(tenant uuid, operation uuid) returns void
    language plpgsql
    set search_path = ${schema}, pg_temp
as $$
declare
    op payment_operation;
    s record;
    zone text;
    close_of_day time;
    own_day date;
    last_closed date;
    line_day date;
    plan record;
    rate record;
    gross bigint;
    fee bigint := 0;
    ppn bigint := 0;
    recorded timestamptz;
    written integer;
begin
    select * into op from payment_operation o
    where o.tenant_id = tenant and o.id = operation and o.status = 'SUCCEEDED'
      and o.kind in ('CAPTURE', 'REFUND', 'REVERSAL', 'CHARGEBACK', 'CHARGEBACK_REVERSAL');
    if op.id is null then
        return;
    end if;
    recorded := coalesce(op.completed_at, now());
    if op.kind = 'REVERSAL' and not exists (
            select 1 from payment_operation c where c.tenant_id = op.tenant_id and c.sale_id = op.sale_id
            and c.kind = 'CAPTURE' and c.status = 'SUCCEEDED') then
        return;
    end if;
    select sa.store_id, sa.currency, coalesce(sa.card_brand, 'UNKNOWN') as brand, sa.sold_at into s
    from sale sa where sa.tenant_id = op.tenant_id and sa.id = op.sale_id;
    select st.time_zone into zone from store st where st.tenant_id = op.tenant_id and st.id = s.store_id;
    close_of_day := coalesce((select x.close_of_day from settlement_settings x where x.tenant_id = op.tenant_id),
                             time '00:00');
    own_day := settlement_business_day(recorded, zone, close_of_day);
    -- The close of a day holds this lock exclusively: a day is either closed before this line looks, or not
    -- closed until this transaction has ended.
    perform pg_advisory_xact_lock_shared(hashtextextended('settlement-close:' || op.tenant_id::text, 0));
    select max(b.business_day) into last_closed from settlement_batch b where b.tenant_id = op.tenant_id;
    line_day := greatest(own_day, last_closed + 1);
    gross := case when op.kind in ('CAPTURE', 'CHARGEBACK_REVERSAL') then op.amount_minor else -op.amount_minor end;
    select p.id, p.min_fee_minor, p.ppn_bp into plan from pricing_plan p
    where p.tenant_id = op.tenant_id and p.effective_from <= line_day
    order by p.effective_from desc, p.recorded_at desc limit 1;
    if op.kind = 'CAPTURE' and plan.id is not null then
        select r.rate_bp, r.fixed_minor into rate from pricing_rate r
        where r.tenant_id = op.tenant_id and r.plan_id = plan.id and r.brand = s.brand;
        fee := settlement_fee(gross, coalesce(rate.rate_bp, 0), coalesce(rate.fixed_minor, 0), plan.min_fee_minor);
    end if;
    if plan.id is not null then
        ppn := settlement_bp(fee, plan.ppn_bp);
    end if;
    insert into settlement_line (tenant_id, batch_id, operation_id, sale_id, store_id, kind, brand, recorded_at,
        sold_at, gross_minor, fee_minor, ppn_minor, late, business_day, currency)
    values (op.tenant_id, settlement_batch_id(op.tenant_id, s.currency, line_day), op.id, op.sale_id, s.store_id,
        op.kind, s.brand, recorded, s.sold_at, gross, fee, ppn,
        own_day < line_day
            or (op.kind = 'CAPTURE' and settlement_business_day(s.sold_at, zone, close_of_day) < line_day),
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

create function settlement_record_operation() returns trigger
    language plpgsql
    set search_path = ${schema}, pg_temp
as $$
begin
    perform settlement_record(new.tenant_id, new.id);
    return null;
end
$$;

create trigger payment_operation_settles after insert on payment_operation
    for each row
    when (new.status = 'SUCCEEDED'
          and new.kind in ('CAPTURE', 'REFUND', 'REVERSAL', 'CHARGEBACK', 'CHARGEBACK_REVERSAL'))
    execute function settlement_record_operation();
create trigger payment_operation_settles_on_success after update of status on payment_operation
    for each row
    when (new.status = 'SUCCEEDED' and old.status is distinct from 'SUCCEEDED'
          and new.kind in ('CAPTURE', 'REFUND', 'REVERSAL', 'CHARGEBACK', 'CHARGEBACK_REVERSAL'))
    execute function settlement_record_operation();

revoke all on function settlement_batch_id(uuid, text, date) from public;
revoke all on function settlement_day_start(date, text, time) from public;
revoke all on function settlement_business_day(timestamptz, text, time) from public;
revoke all on function settlement_record(uuid, uuid) from public;
revoke all on function settlement_record_operation() from public;
grant execute on function settlement_batch_id(uuid, text, date) to ${app_role}, ${platform_role};
grant execute on function settlement_day_start(date, text, time) to ${app_role}, ${platform_role};
grant execute on function settlement_business_day(timestamptz, text, time) to ${app_role}, ${platform_role};
grant execute on function settlement_record(uuid, uuid) to ${app_role}, ${platform_role};
grant execute on function settlement_record_operation() to ${app_role}, ${platform_role};

-- The operations that succeeded before this migration and are in no batch yet get their lines and postings now,
-- oldest first, exactly as if they had succeeded with it in place.
select settlement_record(o.tenant_id, o.id) from payment_operation o
where o.status = 'SUCCEEDED' and o.kind in ('CAPTURE', 'REFUND', 'REVERSAL', 'CHARGEBACK', 'CHARGEBACK_REVERSAL')
  and not exists (select 1 from settlement_line l where l.tenant_id = o.tenant_id and l.operation_id = o.id)
order by o.completed_at, o.id;

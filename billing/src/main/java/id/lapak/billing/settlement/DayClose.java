package id.lapak.billing.settlement;

import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The set-based SQL of closing one tenant's business day, run in one transaction in the tenant's context: a few
 * statements whatever the number of sales. Exactly once is the database's: the batch key (tenant, payout account,
 * currency, day) gates everything else, so closing a closed day inserts nothing; each operation's line key and each
 * ledger transaction's (kind, cause) key back it up.
 */
@Component
class DayClose {

    /**
     * Which money-moving operations settle: successful captures, refunds, chargebacks and their reversals, and
     * reversals of a captured sale. Money to the merchant (capture, chargeback reversal) is positive.
     */
    static final String SETTLEABLE = """
            o.status = 'SUCCEEDED' and o.kind in ('CAPTURE', 'REFUND', 'REVERSAL', 'CHARGEBACK', 'CHARGEBACK_REVERSAL')
            and (o.kind <> 'REVERSAL' or exists (select 1 from payment_operation c where c.tenant_id = o.tenant_id
                 and c.sale_id = o.sale_id and c.kind = 'CAPTURE' and c.status = 'SUCCEEDED'))
            and not exists (select 1 from settlement_line l where l.tenant_id = o.tenant_id and l.operation_id = o.id)
            """;

    /**
     * Closing a day in one statement: the stores' windows of the day, the plan in force, the unsettled operations
     * recorded before the end of the day in their store's zone, priced (fee by brand, PPN on the fee), the unsettled
     * adjustments, totals per currency, a negative batch carried in, then the batches (the key refuses a second
     * close), their lines and adjustment lines. Parameters: the windows' stores, starts and ends, then the tenant and
     * day as they appear.
     */
    private static final String BUILD_BATCHES = """
            with windows as (
                select * from unnest(?::uuid[], ?::timestamptz[], ?::timestamptz[]) as w(store_id, day_start, day_end)
            ),
            plan as (
                select p.id, p.min_fee_minor, p.ppn_bp from pricing_plan p
                where p.tenant_id = ? and p.effective_from <= ?
                order by p.effective_from desc, p.recorded_at desc limit 1
            ),
            ops as (
                select o.id as operation_id, o.sale_id, s.store_id, o.kind,
                       coalesce(s.card_brand, 'UNKNOWN') as brand, o.completed_at as recorded_at, s.sold_at,
                       s.currency,
                       case when o.kind in ('CAPTURE', 'CHARGEBACK_REVERSAL') then o.amount_minor
                            else -o.amount_minor end as gross,
                       (o.completed_at < w.day_start or (o.kind = 'CAPTURE' and s.sold_at < w.day_start)) as late
                from payment_operation o
                join sale s on s.tenant_id = o.tenant_id and s.id = o.sale_id
                join windows w on w.store_id = s.store_id
                where o.tenant_id = ? and o.completed_at < w.day_end and
                """ + " " + SETTLEABLE + """
            ),
            priced as (
                select ops.*, f.fee, settlement_bp(f.fee, coalesce((select ppn_bp from plan), 0)) as ppn
                from ops
                left join pricing_rate r on r.tenant_id = ? and r.plan_id = (select id from plan)
                                        and r.brand = ops.brand
                cross join lateral (select case when ops.kind = 'CAPTURE' and exists (select 1 from plan)
                    then settlement_fee(ops.gross, coalesce(r.rate_bp, 0), coalesce(r.fixed_minor, 0),
                                        (select min_fee_minor from plan))
                    else 0 end as fee) f
            ),
            adjustments as (
                select a.id, a.currency, a.amount_minor from ledger_adjustment a
                where a.tenant_id = ? and a.created_at < (select min(day_end) from windows)
                  and not exists (select 1 from settlement_adjustment_line x
                                  where x.tenant_id = a.tenant_id and x.adjustment_id = a.id)
            ),
            operation_totals as (
                select currency, count(*) as n, count(*) filter (where late) as late_n,
                       coalesce(sum(gross) filter (where gross > 0), 0) as gross,
                       coalesce(-sum(gross) filter (where gross < 0), 0) as refunds,
                       sum(fee) as fees, sum(ppn) as ppn
                from priced group by currency
            ),
            adjustment_totals as (
                select currency, count(*) as n, sum(amount_minor) as amount from adjustments group by currency
            ),
            totals as (
                select coalesce(o.currency, a.currency) as currency, coalesce(o.n, 0) as n,
                       coalesce(o.late_n, 0) as late_n, coalesce(o.gross, 0) as gross,
                       coalesce(o.refunds, 0) as refunds, coalesce(o.fees, 0) as fees, coalesce(o.ppn, 0) as ppn,
                       coalesce(a.n, 0) as adjustment_n, coalesce(a.amount, 0) as adjustment_amount
                from operation_totals o full join adjustment_totals a on a.currency = o.currency
            ),
            carry as (
                select t.currency, prev.id as prev_id, coalesce(prev.net_minor, 0) as carried
                from totals t left join lateral (
                    select b.id, b.net_minor from settlement_batch b
                    where b.tenant_id = ? and b.currency = t.currency and b.business_day < ? and b.net_minor < 0
                      and not exists (select 1 from settlement_batch c
                                      where c.tenant_id = b.tenant_id and c.carried_from_batch_id = b.id)
                    order by b.business_day desc limit 1) prev on true
            ),
            batches as (
                insert into settlement_batch (tenant_id, id, payout_account_id, currency, business_day, closed_at,
                    line_count, late_count, gross_minor, refunds_minor, fees_minor, ppn_minor, carried_in_minor,
                    carried_from_batch_id, adjustment_count, adjustments_minor)
                select ?, gen_random_uuid(), ?::uuid, t.currency, ?, ?, t.n, t.late_n, t.gross, t.refunds,
                       t.fees, t.ppn, c.carried, c.prev_id, t.adjustment_n, t.adjustment_amount
                from totals t join carry c on c.currency = t.currency
                on conflict do nothing
                returning id, currency, net_minor
            ),
            lines as (
                insert into settlement_line (tenant_id, batch_id, operation_id, sale_id, store_id, kind, brand,
                    recorded_at, sold_at, gross_minor, fee_minor, ppn_minor, late)
                select ?, b.id, p.operation_id, p.sale_id, p.store_id, p.kind, p.brand, p.recorded_at, p.sold_at,
                       p.gross, p.fee, p.ppn, p.late
                from priced p join batches b on b.currency = p.currency
                returning 1
            ),
            adjustment_lines as (
                insert into settlement_adjustment_line (tenant_id, adjustment_id, batch_id, amount_minor)
                select ?, a.id, b.id, a.amount_minor from adjustments a join batches b on b.currency = a.currency
                returning 1
            )
            select b.id, b.currency, b.net_minor, (select count(*) from lines) from batches b""";

    /** A batch the close inserted. */
    record ClosedBatch(UUID id, String currency, long netMinor) {}

    /** A store's window of the business day being closed. */
    record Window(UUID storeId, Instant start, Instant end) {}

    private final JdbcClient jdbc;

    DayClose(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** When each store's oldest operation not in any batch yet was recorded. */
    Map<UUID, Instant> oldestUnsettled(UUID tenant) {
        return jdbc
                .sql("select s.store_id, min(o.completed_at) from payment_operation o "
                        + "join sale s on s.tenant_id = o.tenant_id and s.id = o.sale_id "
                        + "where o.tenant_id = ? and " + SETTLEABLE + " group by s.store_id")
                .param(tenant)
                .query((rs, n) -> Map.entry(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, OffsetDateTime.class).toInstant()))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** When the oldest adjustment not in any batch yet was recorded, if there is one. */
    Optional<Instant> oldestUnsettledAdjustment(UUID tenant) {
        return jdbc.sql("""
                        select min(a.created_at) from ledger_adjustment a where a.tenant_id = ? and not exists (
                            select 1 from settlement_adjustment_line x
                            where x.tenant_id = a.tenant_id and x.adjustment_id = a.id)""")
                .param(tenant)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
                .optional()
                .filter(Objects::nonNull)
                .map(OffsetDateTime::toInstant);
    }

    /** Serialises closes of one tenant across the cluster for this transaction (the keys would refuse doubles). */
    void lockTenant(UUID tenant) {
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtextextended('settlement-close:' || ?, 0))) x")
                .param(tenant.toString())
                .query(Integer.class)
                .single();
    }

    /**
     * Builds the day's batches (one per currency) and their lines from every operation not settled yet that was
     * recorded before the end of {@code day} in its store's zone, and every adjustment not settled yet recorded
     * before the day has ended in every store; returns nothing when the day was closed before.
     */
    List<ClosedBatch> buildBatches(UUID tenant, LocalDate day, List<Window> windows, UUID payoutAccount, Instant now) {
        String[] stores = windows.stream().map(w -> w.storeId().toString()).toArray(String[]::new);
        String[] starts = windows.stream().map(w -> w.start().toString()).toArray(String[]::new);
        String[] ends = windows.stream().map(w -> w.end().toString()).toArray(String[]::new);
        return jdbc.sql(BUILD_BATCHES)
                .params(
                        stores,
                        starts,
                        ends,
                        tenant,
                        day,
                        tenant,
                        tenant,
                        tenant,
                        tenant,
                        day,
                        tenant,
                        payoutAccount == null ? null : payoutAccount.toString(),
                        day,
                        time(now),
                        tenant,
                        tenant)
                .query((rs, n) -> new ClosedBatch(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3)))
                .list();
    }

    /**
     * Posts the batches' ledger transactions: one per line (capture, refund or reversal: acquirer receivable
     * against merchant pending) and one settlement per batch (pending to payable, less fees and PPN).
     */
    void postLedger(UUID tenant, List<ClosedBatch> batches, Instant now, String actor) {
        String[] ids = batches.stream().map(b -> b.id().toString()).toArray(String[]::new);
        jdbc.sql("""
                insert into ledger_transaction (tenant_id, id, kind, currency, source_id, sale_id, store_id,
                    occurred_at, recorded_at, actor)
                select l.tenant_id, l.operation_id, l.kind, b.currency, l.operation_id, l.sale_id, l.store_id,
                       l.recorded_at, ?, ?
                from settlement_line l join settlement_batch b on b.tenant_id = l.tenant_id and b.id = l.batch_id
                where l.tenant_id = ? and l.batch_id = any(?::uuid[])
                union all
                select b.tenant_id, b.id, 'SETTLEMENT', b.currency, b.id, null, null, b.closed_at, ?, ?
                from settlement_batch b where b.tenant_id = ? and b.id = any(?::uuid[])""")
                .params(time(now), actor, tenant, ids, time(now), actor, tenant, ids)
                .update();
        jdbc.sql("""
                insert into ledger_entry (tenant_id, transaction_id, entry_no, account, amount_minor)
                select l.tenant_id, l.operation_id, e.no, e.account, e.amount
                from settlement_line l
                cross join lateral (values (1, 'ACQUIRER_RECEIVABLE', l.gross_minor),
                                           (2, 'MERCHANT_PENDING', -l.gross_minor)) as e(no, account, amount)
                where l.tenant_id = ? and l.batch_id = any(?::uuid[])
                union all
                select b.tenant_id, b.id, e.no, e.account, e.amount
                from settlement_batch b
                cross join lateral (values
                    (1, 'MERCHANT_PENDING', b.gross_minor - b.refunds_minor + b.adjustments_minor),
                    (2, 'MERCHANT_PAYABLE',
                        -(b.gross_minor - b.refunds_minor + b.adjustments_minor - b.fees_minor - b.ppn_minor)),
                    (3, 'PLATFORM_FEES', -b.fees_minor),
                    (4, 'PPN_ON_FEES', -b.ppn_minor)) as e(no, account, amount)
                where b.tenant_id = ? and b.id = any(?::uuid[]) and e.amount <> 0""").params(tenant, ids, tenant, ids).update();
    }

    /** Schedules a batch's payout; a second call for the same batch does nothing. */
    boolean schedulePayout(UUID tenant, ClosedBatch batch, UUID payoutAccount, LocalDate expectedOn, Instant now) {
        return jdbc.sql("""
                insert into payout (tenant_id, id, batch_id, payout_account_id, currency, amount_minor, expected_on,
                    status, created_at, status_changed_at)
                values (?, ?, ?, ?, ?, ?, ?, 'SCHEDULED', ?, ?)
                on conflict (tenant_id, batch_id) do nothing""")
                        .params(
                                tenant,
                                UUID.randomUUID(),
                                batch.id(),
                                payoutAccount,
                                batch.currency(),
                                batch.netMinor(),
                                expectedOn,
                                time(now),
                                time(now))
                        .update()
                == 1;
    }

    static SqlParameterValue time(Instant instant) {
        return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}

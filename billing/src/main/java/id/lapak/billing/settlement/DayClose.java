package id.lapak.billing.settlement;

import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The set-based SQL of closing one tenant's business day, run in one transaction in the tenant's context. The lines
 * are written, priced and posted to the ledger when their operations succeed (billing migration V2026.12.04.70,
 * decision 0045): closing a day adds its lines up into one batch per currency, whose id they already carry, and
 * posts the settlement. Exactly once is the database's: the batch's key and id refuse a second close, and the lock
 * that recording an operation shares keeps any line from joining a day while, or after, it closes.
 */
@Component
class DayClose {

    /**
     * Closing a day in one statement: the day's lines added up per currency, the unsettled adjustments, a negative
     * batch carried in, then the batches (their key and id refuse a second close) and the adjustment lines.
     */
    private static final String BUILD_BATCHES = """
            with lines as (
                select l.currency, count(*) as n, count(*) filter (where l.late) as late_n,
                       coalesce(sum(l.gross_minor) filter (where l.gross_minor > 0), 0) as gross,
                       coalesce(-sum(l.gross_minor) filter (where l.gross_minor < 0), 0) as refunds,
                       sum(l.fee_minor) as fees, sum(l.ppn_minor) as ppn
                from settlement_line l where l.tenant_id = :tenant and l.business_day = :day group by l.currency
            ),
            adjustments as (
                select a.id, a.currency, a.amount_minor from ledger_adjustment a
                where a.tenant_id = :tenant and a.created_at < :adjustmentsBefore
                  and not exists (select 1 from settlement_adjustment_line x
                                  where x.tenant_id = a.tenant_id and x.adjustment_id = a.id)
            ),
            adjustment_totals as (
                select currency, count(*) as n, sum(amount_minor) as amount from adjustments group by currency
            ),
            totals as (
                select coalesce(o.currency, a.currency) as currency, coalesce(o.n, 0) as n,
                       coalesce(o.late_n, 0) as late_n, coalesce(o.gross, 0) as gross,
                       coalesce(o.refunds, 0) as refunds, coalesce(o.fees, 0) as fees, coalesce(o.ppn, 0) as ppn,
                       coalesce(a.n, 0) as adjustment_n, coalesce(a.amount, 0) as adjustment_amount
                from lines o full join adjustment_totals a on a.currency = o.currency
            ),
            carry as (
                select t.currency, prev.id as prev_id, coalesce(prev.net_minor, 0) as carried
                from totals t left join lateral (
                    select b.id, b.net_minor from settlement_batch b
                    where b.tenant_id = :tenant and b.currency = t.currency and b.business_day < :day
                      and b.net_minor < 0
                      and not exists (select 1 from settlement_batch c
                                      where c.tenant_id = b.tenant_id and c.carried_from_batch_id = b.id)
                    order by b.business_day desc limit 1) prev on true
            ),
            batches as (
                insert into settlement_batch (tenant_id, id, payout_account_id, currency, business_day, closed_at,
                    line_count, late_count, gross_minor, refunds_minor, fees_minor, ppn_minor, carried_in_minor,
                    carried_from_batch_id, adjustment_count, adjustments_minor)
                select :tenant, settlement_batch_id(:tenant, t.currency, :day), cast(:account as uuid), t.currency, :day, :now,
                       t.n, t.late_n, t.gross, t.refunds, t.fees, t.ppn, c.carried, c.prev_id, t.adjustment_n,
                       t.adjustment_amount
                from totals t join carry c on c.currency = t.currency
                on conflict do nothing
                returning id, currency, net_minor
            ),
            adjustment_lines as (
                insert into settlement_adjustment_line (tenant_id, adjustment_id, batch_id, amount_minor)
                select :tenant, a.id, b.id, a.amount_minor from adjustments a join batches b on b.currency = a.currency
                returning 1
            )
            select b.id, b.currency, b.net_minor from batches b""";

    /** A batch the close inserted. */
    record ClosedBatch(UUID id, String currency, long netMinor) {}

    private final JdbcClient jdbc;

    DayClose(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The first business day after {@code after} (every day when null) that has lines: none of those is closed. */
    Optional<LocalDate> firstOpenDay(UUID tenant, LocalDate after) {
        return jdbc.sql("select min(business_day) from settlement_line where tenant_id = ? and business_day > "
                        + "coalesce(?::date, '-infinity'::date)")
                .params(tenant, after)
                .query(LocalDate.class)
                .optional();
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

    /**
     * Serialises closes of one tenant across the cluster for this transaction, and keeps operations of the tenant
     * from choosing their day until it ends (they take the same lock shared).
     */
    void lockTenant(UUID tenant) {
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtextextended('settlement-close:' || ?, 0))) x")
                .param(tenant.toString())
                .query(Integer.class)
                .single();
    }

    /**
     * Builds the day's batches (one per currency) from its lines and every adjustment not settled yet recorded before
     * {@code adjustmentsBefore}; returns nothing when the day was closed before.
     */
    List<ClosedBatch> buildBatches(
            UUID tenant, LocalDate day, Instant adjustmentsBefore, UUID payoutAccount, Instant now) {
        return jdbc.sql(BUILD_BATCHES)
                .param("tenant", tenant)
                .param("day", day)
                .param("adjustmentsBefore", time(adjustmentsBefore))
                .param("account", payoutAccount == null ? null : payoutAccount.toString())
                .param("now", time(now))
                .query((rs, n) -> new ClosedBatch(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3)))
                .list();
    }

    /**
     * Posts each batch's settlement: merchant pending to payable, less fees and PPN (the lines' own transactions were
     * posted when their operations succeeded).
     */
    void postLedger(UUID tenant, List<ClosedBatch> batches, Instant now, String actor) {
        String[] ids = batches.stream().map(b -> b.id().toString()).toArray(String[]::new);
        jdbc.sql("""
                insert into ledger_transaction (tenant_id, id, kind, currency, source_id, sale_id, store_id,
                    occurred_at, recorded_at, actor)
                select b.tenant_id, b.id, 'SETTLEMENT', b.currency, b.id, null, null, b.closed_at, ?, ?
                from settlement_batch b where b.tenant_id = ? and b.id = any(?::uuid[])""").params(time(now), actor, tenant, ids).update();
        jdbc.sql("""
                insert into ledger_entry (tenant_id, transaction_id, entry_no, account, amount_minor)
                select b.tenant_id, b.id, e.no, e.account, e.amount
                from settlement_batch b
                cross join lateral (values
                    (1, 'MERCHANT_PENDING', b.gross_minor - b.refunds_minor + b.adjustments_minor),
                    (2, 'MERCHANT_PAYABLE',
                        -(b.gross_minor - b.refunds_minor + b.adjustments_minor - b.fees_minor - b.ppn_minor)),
                    (3, 'PLATFORM_FEES', -b.fees_minor),
                    (4, 'PPN_ON_FEES', -b.ppn_minor)) as e(no, account, amount)
                where b.tenant_id = ? and b.id = any(?::uuid[]) and e.amount <> 0""").params(tenant, ids).update();
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

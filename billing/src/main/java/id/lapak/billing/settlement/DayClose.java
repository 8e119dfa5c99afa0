package id.lapak.billing.settlement;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The set-based SQL of closing a business day for a set of tenants at once (the close of day's run, in the
 * platform's scope) or for one (in its own context): a few statements whatever the number of tenants and sales.
 * The lines are written, priced and posted to the ledger when their operations succeed (billing migration
 * V2026.12.04.70, decision 0045): closing a day adds its lines up into one batch per tenant and currency, whose id
 * they already carry, and posts the settlements and payouts. Exactly once is the database's: the batch's key and id
 * refuse a second close, and the lock that recording an operation shares keeps any line from joining a day while,
 * or after, it closes.
 */
@Component
class DayClose {

    /**
     * What closing needs to know of each tenant, read in one statement for every tenant (or the listed ones): its
     * close-of-day time, payout delay and account, last closed day, its stores' zones, the first day after that with
     * lines and when its oldest adjustment not in a batch yet was recorded.
     */
    private static final String STATES = """
            select t.id, coalesce(ss.close_of_day, time '00:00'), coalesce(ss.payout_delay_days, 1),
                   (select a.id from payout_account a where a.tenant_id = t.id and a.active), c.last_closed,
                   (select array_agg(distinct s.time_zone) from store s where s.tenant_id = t.id),
                   (select min(l.business_day) from settlement_line l
                    where l.tenant_id = t.id and l.business_day > coalesce(c.last_closed, '-infinity'::date)),
                   (select min(a.created_at) from ledger_adjustment a where a.tenant_id = t.id and not exists (
                        select 1 from settlement_adjustment_line x
                        where x.tenant_id = a.tenant_id and x.adjustment_id = a.id))
            from tenant t
            left join settlement_settings ss on ss.tenant_id = t.id
            cross join lateral (select max(b.business_day) as last_closed from settlement_batch b
                                where b.tenant_id = t.id) c
            where ? or t.id = any(?::uuid[])
            order by t.id""";

    /**
     * Closing a day in one statement: each tenant's lines of the day added up per currency, its unsettled
     * adjustments, a negative batch carried in, then the batches (their key and id refuse a second close) and the
     * adjustment lines.
     */
    private static final String BUILD_BATCHES = """
            with chunk as (
                select * from unnest(:tenants::uuid[], :accounts::uuid[], :adjustmentsBefore::timestamptz[])
                    as c(tenant_id, account_id, adjustments_before)
            ),
            lines as (
                select l.tenant_id, l.currency, count(*) as n, count(*) filter (where l.late) as late_n,
                       coalesce(sum(l.gross_minor) filter (where l.gross_minor > 0), 0) as gross,
                       coalesce(-sum(l.gross_minor) filter (where l.gross_minor < 0), 0) as refunds,
                       sum(l.fee_minor) as fees, sum(l.ppn_minor) as ppn
                from chunk c join settlement_line l on l.tenant_id = c.tenant_id and l.business_day = :day
                group by l.tenant_id, l.currency
            ),
            adjustments as (
                select a.tenant_id, a.id, a.currency, a.amount_minor from chunk c
                join ledger_adjustment a on a.tenant_id = c.tenant_id and a.created_at < c.adjustments_before
                where not exists (select 1 from settlement_adjustment_line x
                                  where x.tenant_id = a.tenant_id and x.adjustment_id = a.id)
            ),
            adjustment_totals as (
                select tenant_id, currency, count(*) as n, sum(amount_minor) as amount from adjustments
                group by tenant_id, currency
            ),
            totals as (
                select coalesce(o.tenant_id, a.tenant_id) as tenant_id, coalesce(o.currency, a.currency) as currency,
                       coalesce(o.n, 0) as n, coalesce(o.late_n, 0) as late_n, coalesce(o.gross, 0) as gross,
                       coalesce(o.refunds, 0) as refunds, coalesce(o.fees, 0) as fees, coalesce(o.ppn, 0) as ppn,
                       coalesce(a.n, 0) as adjustment_n, coalesce(a.amount, 0) as adjustment_amount
                from lines o full join adjustment_totals a on a.tenant_id = o.tenant_id and a.currency = o.currency
            ),
            carry as (
                select t.tenant_id, t.currency, prev.id as prev_id, coalesce(prev.net_minor, 0) as carried
                from totals t left join lateral (
                    select b.id, b.net_minor from settlement_batch b
                    where b.tenant_id = t.tenant_id and b.currency = t.currency and b.business_day < :day
                      and b.net_minor < 0
                      and not exists (select 1 from settlement_batch x
                                      where x.tenant_id = b.tenant_id and x.carried_from_batch_id = b.id)
                    order by b.business_day desc limit 1) prev on true
            ),
            batches as (
                insert into settlement_batch (tenant_id, id, payout_account_id, currency, business_day, closed_at,
                    line_count, late_count, gross_minor, refunds_minor, fees_minor, ppn_minor, carried_in_minor,
                    carried_from_batch_id, adjustment_count, adjustments_minor)
                select t.tenant_id, settlement_batch_id(t.tenant_id, t.currency, :day), c.account_id, t.currency,
                       :day, :now, t.n, t.late_n, t.gross, t.refunds, t.fees, t.ppn, cr.carried, cr.prev_id,
                       t.adjustment_n, t.adjustment_amount
                from totals t
                join carry cr on cr.tenant_id = t.tenant_id and cr.currency = t.currency
                join chunk c on c.tenant_id = t.tenant_id
                on conflict do nothing
                returning tenant_id, id, currency, net_minor, payout_account_id
            ),
            adjustment_lines as (
                insert into settlement_adjustment_line (tenant_id, adjustment_id, batch_id, amount_minor)
                select a.tenant_id, a.id, b.id, a.amount_minor from adjustments a
                join batches b on b.tenant_id = a.tenant_id and b.currency = a.currency
                returning 1
            )
            select b.tenant_id, b.id, b.currency, b.net_minor, b.payout_account_id from batches b""";

    /** What closing knows of a tenant when it starts (see {@link #STATES}). */
    record TenantState(
            UUID tenant,
            LocalTime closeOfDay,
            int payoutDelayDays,
            UUID payoutAccount,
            LocalDate lastClosed,
            List<String> zones,
            LocalDate firstOpenDay,
            Instant oldestAdjustment) {}

    /** One tenant of a day being closed: its payout account and the end of its adjustments' window. */
    record TenantDay(UUID tenant, UUID payoutAccount, Instant adjustmentsBefore) {}

    /** A batch the close inserted. */
    record ClosedBatch(UUID tenant, UUID id, String currency, long netMinor, UUID payoutAccount) {}

    /** A payout to schedule for a batch just closed. */
    record NewPayout(ClosedBatch batch, LocalDate expectedOn) {}

    private final JdbcClient jdbc;

    DayClose(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every tenant's state, or only these tenants' ({@code null}: every tenant the caller may see). */
    List<TenantState> states(List<UUID> tenants) {
        return jdbc.sql(STATES)
                .params(tenants == null, tenants == null ? new String[0] : strings(tenants))
                .query((rs, n) -> new TenantState(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, LocalTime.class),
                        rs.getInt(3),
                        rs.getObject(4, UUID.class),
                        rs.getObject(5, LocalDate.class),
                        zones(rs.getArray(6)),
                        rs.getObject(7, LocalDate.class),
                        instant(rs, 8)))
                .list();
    }

    /**
     * Serialises closes of these tenants across the cluster for this transaction (in one order, so two nodes never
     * wait on each other), and keeps their operations from choosing their day until it ends (they take the same lock
     * shared).
     */
    void lockTenants(List<UUID> tenants) {
        jdbc.sql("""
                        select count(*) from (select pg_advisory_xact_lock(hashtextextended('settlement-close:' || t, 0))
                                              from (select t from unnest(?::text[]) t order by t) s) x""").param(strings(tenants)).query(Long.class).single();
    }

    /** Builds the day's batches of these tenants; a tenant whose day was closed before gets none. */
    List<ClosedBatch> buildBatches(LocalDate day, List<TenantDay> tenants, Instant now) {
        return jdbc.sql(BUILD_BATCHES)
                .param(
                        "tenants",
                        strings(tenants.stream().map(TenantDay::tenant).toList()))
                .param(
                        "accounts",
                        tenants.stream()
                                .map(t -> t.payoutAccount() == null
                                        ? null
                                        : t.payoutAccount().toString())
                                .toArray(String[]::new))
                .param(
                        "adjustmentsBefore",
                        tenants.stream()
                                .map(t -> t.adjustmentsBefore().toString())
                                .toArray(String[]::new))
                .param("day", day)
                .param("now", time(now))
                .query((rs, n) -> new ClosedBatch(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getObject(5, UUID.class)))
                .list();
    }

    /**
     * Posts each batch's settlement: merchant pending to payable, less fees and PPN (the lines' own transactions were
     * posted when their operations succeeded).
     */
    void postLedger(List<ClosedBatch> batches, Instant now, String actor) {
        String[] tenants = strings(batches.stream().map(ClosedBatch::tenant).toList());
        String[] ids = strings(batches.stream().map(ClosedBatch::id).toList());
        jdbc.sql("""
                insert into ledger_transaction (tenant_id, id, kind, currency, source_id, sale_id, store_id,
                    occurred_at, recorded_at, actor)
                select b.tenant_id, b.id, 'SETTLEMENT', b.currency, b.id, null, null, b.closed_at, ?, ?
                from unnest(?::uuid[], ?::uuid[]) k(tenant_id, id)
                join settlement_batch b on b.tenant_id = k.tenant_id and b.id = k.id""").params(time(now), actor, tenants, ids).update();
        jdbc.sql("""
                insert into ledger_entry (tenant_id, transaction_id, entry_no, account, amount_minor)
                select b.tenant_id, b.id, e.no, e.account, e.amount
                from unnest(?::uuid[], ?::uuid[]) k(tenant_id, id)
                join settlement_batch b on b.tenant_id = k.tenant_id and b.id = k.id
                cross join lateral (values
                    (1, 'MERCHANT_PENDING', b.gross_minor - b.refunds_minor + b.adjustments_minor),
                    (2, 'MERCHANT_PAYABLE',
                        -(b.gross_minor - b.refunds_minor + b.adjustments_minor - b.fees_minor - b.ppn_minor)),
                    (3, 'PLATFORM_FEES', -b.fees_minor),
                    (4, 'PPN_ON_FEES', -b.ppn_minor)) as e(no, account, amount)
                where e.amount <> 0""").params(tenants, ids).update();
    }

    /** Schedules the batches' payouts; a batch that has one already keeps it. Returns how many were scheduled. */
    int schedulePayouts(List<NewPayout> payouts, Instant now) {
        if (payouts.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        insert into payout (tenant_id, id, batch_id, payout_account_id, currency, amount_minor,
                            expected_on, status, created_at, status_changed_at)
                        select p.tenant_id, gen_random_uuid(), p.batch_id, p.account_id, p.currency, p.amount,
                               p.expected_on, 'SCHEDULED', ?, ?
                        from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::bigint[], ?::date[])
                            as p(tenant_id, batch_id, account_id, currency, amount, expected_on)
                        on conflict (tenant_id, batch_id) do nothing""")
                .params(
                        time(now),
                        time(now),
                        strings(payouts.stream().map(p -> p.batch().tenant()).toList()),
                        strings(payouts.stream().map(p -> p.batch().id()).toList()),
                        strings(payouts.stream()
                                .map(p -> p.batch().payoutAccount())
                                .toList()),
                        payouts.stream().map(p -> p.batch().currency()).toArray(String[]::new),
                        payouts.stream().map(p -> p.batch().netMinor()).toArray(Long[]::new),
                        payouts.stream().map(p -> p.expectedOn().toString()).toArray(String[]::new))
                .update();
    }

    /** Records that a batch is being announced; false when it was announced before. */
    boolean markAnnounced(UUID tenant, UUID batch, Instant now) {
        return jdbc.sql("""
                        insert into settlement_batch_announced (tenant_id, batch_id, announced_at) values (?, ?, ?)
                        on conflict do nothing""").params(tenant, batch, time(now)).update() == 1;
    }

    /** Batches closed since {@code since} and never announced (the process stopped between close and announcement). */
    List<BatchClosed> unannounced(Instant since) {
        return jdbc.sql("""
                        select b.tenant_id, b.id, b.business_day, b.currency, b.net_minor from settlement_batch b
                        where b.closed_at >= ? and not exists (select 1 from settlement_batch_announced a
                                                               where a.tenant_id = b.tenant_id and a.batch_id = b.id)
                        order by b.closed_at, b.id""")
                .param(time(since))
                .query((rs, n) -> new BatchClosed(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, LocalDate.class),
                        rs.getString(4),
                        rs.getLong(5)))
                .list();
    }

    static SqlParameterValue time(Instant instant) {
        return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private static String[] strings(List<UUID> ids) {
        return ids.stream().map(UUID::toString).toArray(String[]::new);
    }

    private static List<String> zones(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}

package id.lapak.billing.settlement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import id.lapak.billing.payout.AccountNumbers;
import id.lapak.billing.settlement.SettlementViews.BatchRow;
import id.lapak.billing.settlement.SettlementViews.LineRow;
import id.lapak.billing.settlement.SettlementViews.PayoutRow;
import id.lapak.billing.settlement.SettlementViews.Step;
import id.lapak.billing.settlement.SettlementViews.Waterfall;
import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.access.LapakUser;
import id.lapak.tenant.context.TenantContext;
import id.lapak.tenant.store.StoreScope;

import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The merchant's read of settlement: a merchant admin sees everything of the tenant, a store manager the lines and
 * waterfall of their own stores (batch totals recomputed from those lines), a cashier nothing.
 */
@Service
@PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'STORE_MANAGER')")
@Transactional(readOnly = true)
public class SettlementService {

    private final JdbcClient jdbc;
    private final SettlementReads reads;

    SettlementService(JdbcClient jdbc, SettlementReads reads) {
        this.jdbc = jdbc;
        this.reads = reads;
    }

    /** null: every store (merchant admin); otherwise the stores the person may see. */
    private static Set<UUID> scope(LapakUser user) {
        return StoreScope.of(user).filterOrNull();
    }

    private static String[] ids(Set<UUID> stores) {
        return stores.stream().map(UUID::toString).toArray(String[]::new);
    }

    /** The latest batches, newest day first. */
    public List<BatchRow> batches(int limit) {
        UUID tenant = TenantContext.requireTenant();
        Set<UUID> stores = scope(CurrentUser.require());
        if (stores == null) {
            return reads.batches(tenant, null, limit);
        }
        return jdbc.sql("""
                        select b.id, b.business_day, b.currency, count(l.*), count(*) filter (where l.late),
                               coalesce(sum(l.gross_minor) filter (where l.gross_minor > 0), 0),
                               coalesce(-sum(l.gross_minor) filter (where l.gross_minor < 0), 0),
                               sum(l.fee_minor), sum(l.ppn_minor)
                        from settlement_batch b
                        join settlement_line l on l.tenant_id = b.tenant_id and l.batch_id = b.id
                        where b.tenant_id = ? and l.store_id = any(?::uuid[])
                        group by b.id, b.business_day, b.currency
                        order by b.business_day desc, b.currency limit ?""")
                .params(tenant, ids(stores), limit)
                .query((rs, n) -> new BatchRow(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
                        rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getLong(6), rs.getLong(7), rs.getLong(8),
                        rs.getLong(9), null, null, null, null, null))
                .list();
    }

    /** A batch's lines the person may see, in the order they were recorded. */
    public List<LineRow> lines(UUID batchId) {
        UUID tenant = TenantContext.requireTenant();
        Set<UUID> stores = scope(CurrentUser.require());
        return reads.lines(tenant, batchId, stores);
    }

    /** A batch's statement as CSV, with the lines the person may see (see {@link BatchStatement}). */
    public String statementCsv(UUID batchId) {
        BatchRow batch = batches(Integer.MAX_VALUE).stream().filter(b -> b.id().equals(batchId)).findFirst()
                .orElseThrow(() -> new AccessDeniedException("No such batch"));
        return BatchStatement.csv(batch, lines(batchId));
    }

    /** A batch's statement as PDF in {@code locale}, {@code labels} translating the settlement.* keys. */
    public byte[] statementPdf(UUID batchId, Locale locale, Function<String, String> labels) {
        BatchRow batch = batches(Integer.MAX_VALUE).stream().filter(b -> b.id().equals(batchId)).findFirst()
                .orElseThrow(() -> new AccessDeniedException("No such batch"));
        String tenantName = reads.tenantName(TenantContext.requireTenant());
        return BatchStatementPdf.pdf(tenantName, batch, lines(batchId), locale, labels);
    }

    /** A batch's statement as XLSX, with the lines the person may see. */
    public byte[] statementXlsx(UUID batchId, Function<String, String> labels) {
        BatchRow batch = batches(Integer.MAX_VALUE).stream().filter(b -> b.id().equals(batchId)).findFirst()
                .orElseThrow(() -> new AccessDeniedException("No such batch"));
        return StatementXlsx.batch(batch, lines(batchId), labels);
    }

    /** The batches of the days of {@code month} the person may see, oldest first. */
    public List<BatchRow> month(YearMonth month) {
        return batches(Integer.MAX_VALUE).stream()
                .filter(b -> YearMonth.from(b.businessDay()).equals(month))
                .sorted(Comparator.comparing(BatchRow::businessDay)).toList();
    }

    /** The month's statement as CSV: a row per closed day and the month's totals. */
    public String monthCsv(YearMonth month) {
        return MonthStatement.csv(month, month(month));
    }

    public byte[] monthPdf(YearMonth month, Locale locale,
                           Function<String, String> labels) {
        return MonthStatement.pdf(reads.tenantName(TenantContext.requireTenant()), month, month(month), locale, labels);
    }

    public byte[] monthXlsx(YearMonth month, Function<String, String> labels) {
        return StatementXlsx.month(month, month(month), labels);
    }

    /** The tenant's payouts, newest first (merchant admin only: a payout is the whole tenant's). */
    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
    public List<PayoutRow> payouts(int limit) {
        return jdbc.sql("""
                        select p.id, b.business_day, p.currency, p.amount_minor, p.status, p.expected_on, a.bank_name,
                               a.account_number
                        from payout p
                        join settlement_batch b on b.tenant_id = p.tenant_id and b.id = p.batch_id
                        join payout_account a on a.tenant_id = p.tenant_id and a.id = p.payout_account_id
                        where p.tenant_id = ? order by p.expected_on desc, b.business_day desc limit ?""")
                .params(TenantContext.requireTenant(), limit)
                .query((rs, n) -> new PayoutRow(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
                        rs.getString(3), rs.getLong(4), rs.getString(5), rs.getObject(6, LocalDate.class),
                        rs.getString(7), AccountNumbers.mask(rs.getString(8))))
                .list();
    }

    /**
     * The waterfall of a store's business day, in the store's zone: approved sales → captured → refunds and
     * reversals → settled → fees → PPN → paid out → confirmed by the bank, each difference a named step.
     */
    public Waterfall waterfall(UUID storeId, LocalDate day) {
        UUID tenant = TenantContext.requireTenant();
        Set<UUID> stores = scope(CurrentUser.require());
        if (stores != null && !stores.contains(storeId)) {
            throw new AccessDeniedException("Not one of your stores");
        }
        record StoreRule(ZoneId zone, String currency) {
        }
        StoreRule store = jdbc.sql("select time_zone, currency from store where tenant_id = ? and id = ?")
                .params(tenant, storeId).query((rs, n) -> new StoreRule(ZoneId.of(rs.getString(1)), rs.getString(2)))
                .optional().orElseThrow(() -> new AccessDeniedException("No such store"));
        LocalTime close = jdbc.sql("select close_of_day from settlement_settings where tenant_id = ?").param(tenant)
                .query(LocalTime.class).optional().orElse(BusinessDay.MIDNIGHT);
        BusinessDay rule = new BusinessDay(store.zone(), close);
        Instant from = rule.start(day);
        Instant to = rule.end(day);
        long[] v = jdbc.sql("""
                with sold as (
                    select s.id, s.authorized_minor, s.sold_at from sale s
                    where s.tenant_id = ? and s.store_id = ? and s.sold_at >= ? and s.sold_at < ?
                      and s.status in ('AUTHORIZED', 'CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED', 'VOIDED')
                ),
                captures as (
                    select o.sale_id, o.id, o.amount_minor, o.completed_at, sold.sold_at from sold
                    join payment_operation o on o.tenant_id = ? and o.sale_id = sold.id
                    where o.kind = 'CAPTURE' and o.status = 'SUCCEEDED'
                    union
                    select o.sale_id, o.id, o.amount_minor, o.completed_at, s.sold_at from payment_operation o
                    join sale s on s.tenant_id = o.tenant_id and s.id = o.sale_id
                    where o.tenant_id = ? and s.store_id = ? and o.kind = 'CAPTURE' and o.status = 'SUCCEEDED'
                      and o.completed_at >= ? and o.completed_at < ?
                ),
                moves as (
                    select o.id, o.kind, o.amount_minor from payment_operation o
                    join sale s on s.tenant_id = o.tenant_id and s.id = o.sale_id
                    where o.tenant_id = ? and s.store_id = ? and o.status = 'SUCCEEDED'
                      and o.completed_at >= ? and o.completed_at < ?
                      and (o.kind in ('CAPTURE', 'REFUND', 'CHARGEBACK', 'CHARGEBACK_REVERSAL')
                           or (o.kind = 'REVERSAL' and exists (select 1 from payment_operation c
                               where c.tenant_id = o.tenant_id and c.sale_id = o.sale_id and c.kind = 'CAPTURE'
                                 and c.status = 'SUCCEEDED')))
                ),
                lines as (
                    select l.gross_minor, l.fee_minor, l.ppn_minor, p.status as payout
                    from settlement_line l
                    left join payout p on p.tenant_id = l.tenant_id and p.batch_id = l.batch_id
                    where l.tenant_id = ? and l.operation_id in (select id from moves)
                )
                select
                    (select coalesce(sum(authorized_minor), 0) from sold),
                    (select coalesce(sum(authorized_minor), 0) from sold
                        where not exists (select 1 from captures c where c.sale_id = sold.id)),
                    (select coalesce(sum(c.amount_minor), 0) from captures c join sold on sold.id = c.sale_id
                        where c.completed_at >= ?),
                    (select coalesce(sum(c.amount_minor), 0) from captures c
                        where c.completed_at >= ? and c.completed_at < ? and c.sold_at < ?),
                    (select coalesce(sum(amount_minor), 0) from moves where kind = 'CAPTURE'),
                    (select coalesce(sum(amount_minor), 0) from moves where kind = 'REFUND'),
                    (select coalesce(sum(amount_minor), 0) from moves where kind = 'REVERSAL'),
                    (select coalesce(sum(gross_minor), 0) from lines),
                    (select coalesce(sum(fee_minor), 0) from lines),
                    (select coalesce(sum(ppn_minor), 0) from lines),
                    (select coalesce(sum(gross_minor - fee_minor - ppn_minor), 0) from lines
                        where payout is null or payout = 'SCHEDULED'),
                    (select coalesce(sum(gross_minor - fee_minor - ppn_minor), 0) from lines where payout = 'SENT'),
                    (select coalesce(sum(gross_minor - fee_minor - ppn_minor), 0) from lines where payout = 'FAILED'),
                    (select coalesce(sum(gross_minor - fee_minor - ppn_minor), 0) from lines where payout = 'PAID'),
                    (select coalesce(sum(case when kind = 'CHARGEBACK' then amount_minor else -amount_minor end), 0)
                        from moves where kind in ('CHARGEBACK', 'CHARGEBACK_REVERSAL'))
                """)
                .params(tenant, storeId, time(from), time(to), tenant, tenant, storeId, time(from), time(to),
                        tenant, storeId, time(from), time(to), tenant, time(to), time(from), time(to), time(from))
                .query((rs, n) -> {
                    long[] values = new long[15];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = rs.getLong(i + 1);
                    }
                    return values;
                }).single();
        long sold = v[0];
        long notCaptured = v[1];
        long capturedLater = v[2];
        long capturedFromEarlier = v[3];
        long captured = v[4];
        long refunds = v[5];
        long reversals = v[6];
        long settled = v[7];
        long fees = v[8];
        long ppn = v[9];
        long chargebacks = v[14];
        long net = captured - refunds - reversals - chargebacks;
        long partial = sold - notCaptured - capturedLater + capturedFromEarlier - captured;
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("sales", sold, true));
        steps.add(new Step("notCaptured", -notCaptured, false));
        steps.add(new Step("capturedOnAnotherDay", -capturedLater, false));
        steps.add(new Step("capturedFromEarlierDays", capturedFromEarlier, false));
        if (partial != 0) {
            steps.add(new Step("partiallyApproved", -partial, false));
        }
        steps.add(new Step("captured", captured, true));
        steps.add(new Step("refunds", -refunds, false));
        steps.add(new Step("reversals", -reversals, false));
        if (chargebacks != 0) {
            steps.add(new Step("chargebacks", -chargebacks, false));
        }
        steps.add(new Step("pending", -(net - settled), false));
        steps.add(new Step("settled", settled, true));
        steps.add(new Step("fees", -fees, false));
        steps.add(new Step("ppn", -ppn, false));
        steps.add(new Step("netSettled", settled - fees - ppn, true));
        steps.add(new Step("awaitingPayout", -v[10], false));
        steps.add(new Step("inTransit", -v[11], false));
        steps.add(new Step("failedReturned", -v[12], false));
        steps.add(new Step("confirmed", v[13], true));
        return new Waterfall(storeId, day, store.currency(), from, to, List.copyOf(steps));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static SqlParameterValue time(Instant instant) {
        return DayClose.time(instant);
    }
}

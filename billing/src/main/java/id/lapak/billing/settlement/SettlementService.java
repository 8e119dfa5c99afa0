package id.lapak.billing.settlement;

import id.lapak.billing.payout.AccountNumbers;
import id.lapak.billing.settlement.SettlementViews.BatchRow;
import id.lapak.billing.settlement.SettlementViews.LineRow;
import id.lapak.billing.settlement.SettlementViews.PayoutRow;
import id.lapak.billing.settlement.SettlementViews.Waterfall;
import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.access.LapakUser;
import id.lapak.tenant.context.TenantContext;
import id.lapak.tenant.store.StoreScope;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
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
    private final WaterfallFigures figures;
    private final SettlementReads reads;

    SettlementService(JdbcClient jdbc, SettlementReads reads, WaterfallFigures figures) {
        this.jdbc = jdbc;
        this.figures = figures;
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
                .query((rs, n) -> new BatchRow(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, LocalDate.class),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getInt(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getLong(8),
                        rs.getLong(9),
                        null,
                        null,
                        null,
                        null,
                        null))
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
        BatchRow batch = batches(Integer.MAX_VALUE).stream()
                .filter(b -> b.id().equals(batchId))
                .findFirst()
                .orElseThrow(() -> new AccessDeniedException("No such batch"));
        return BatchStatement.csv(batch, lines(batchId));
    }

    /** A batch's statement as PDF in {@code locale}, {@code labels} translating the settlement.* keys. */
    public byte[] statementPdf(UUID batchId, Locale locale, Function<String, String> labels) {
        BatchRow batch = batches(Integer.MAX_VALUE).stream()
                .filter(b -> b.id().equals(batchId))
                .findFirst()
                .orElseThrow(() -> new AccessDeniedException("No such batch"));
        String tenantName = reads.tenantName(TenantContext.requireTenant());
        return BatchStatementPdf.pdf(tenantName, batch, lines(batchId), locale, labels);
    }

    /** A batch's statement as XLSX, with the lines the person may see. */
    public byte[] statementXlsx(UUID batchId, Function<String, String> labels) {
        BatchRow batch = batches(Integer.MAX_VALUE).stream()
                .filter(b -> b.id().equals(batchId))
                .findFirst()
                .orElseThrow(() -> new AccessDeniedException("No such batch"));
        return StatementXlsx.batch(batch, lines(batchId), labels);
    }

    /** The batches of the days of {@code month} the person may see, oldest first. */
    public List<BatchRow> month(YearMonth month) {
        return batches(Integer.MAX_VALUE).stream()
                .filter(b -> YearMonth.from(b.businessDay()).equals(month))
                .sorted(Comparator.comparing(BatchRow::businessDay))
                .toList();
    }

    /** The month's statement as CSV: a row per closed day and the month's totals. */
    public String monthCsv(YearMonth month) {
        return MonthStatement.csv(month, month(month));
    }

    public byte[] monthPdf(YearMonth month, Locale locale, Function<String, String> labels) {
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
                .query((rs, n) -> new PayoutRow(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, LocalDate.class),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getString(5),
                        rs.getObject(6, LocalDate.class),
                        rs.getString(7),
                        AccountNumbers.mask(rs.getString(8))))
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
        record StoreRule(ZoneId zone, String currency) {}
        StoreRule store = jdbc.sql("select time_zone, currency from store where tenant_id = ? and id = ?")
                .params(tenant, storeId)
                .query((rs, n) -> new StoreRule(ZoneId.of(rs.getString(1)), rs.getString(2)))
                .optional()
                .orElseThrow(() -> new AccessDeniedException("No such store"));
        LocalTime close = jdbc.sql("select close_of_day from settlement_settings where tenant_id = ?")
                .param(tenant)
                .query(LocalTime.class)
                .optional()
                .orElse(BusinessDay.MIDNIGHT);
        BusinessDay rule = new BusinessDay(store.zone(), close);
        Instant from = rule.start(day);
        Instant to = rule.end(day);
        return new Waterfall(
                storeId,
                day,
                store.currency(),
                from,
                to,
                figures.of(tenant, storeId, from, to).steps());
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static SqlParameterValue time(Instant instant) {
        return DayClose.time(instant);
    }
}

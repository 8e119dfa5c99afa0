package id.lapak.billing.subscription;

import id.lapak.tenant.context.PlatformAccess;
import id.lapak.tenant.money.Money;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Support's reads of tenant billing across tenants (the named platform path): invoices, overdue, metrics, PDFs. */
@Service
@PreAuthorize("hasRole('SUPPORT')")
public class SupportBilling {

    private final PlatformAccess platform;
    private final JdbcClient jdbc;
    private final InvoiceReads invoices;
    private final PlanReads plans;
    private final BillingRun run;
    private final Clock clock;

    SupportBilling(
            PlatformAccess platform,
            JdbcClient jdbc,
            InvoiceReads invoices,
            PlanReads plans,
            BillingRun run,
            Clock clock) {
        this.platform = platform;
        this.jdbc = jdbc;
        this.invoices = invoices;
        this.plans = plans;
        this.run = run;
        this.clock = clock;
    }

    public List<InvoiceRow> invoices(UUID tenant, boolean onlyOverdue, int limit, long offset) {
        return platform.call(
                "tenant billing: support lists invoices",
                () -> invoices.list(
                        tenant, onlyOverdue, clock.instant(), Math.min(Math.max(limit, 1), 500), Math.max(offset, 0)));
    }

    public byte[] pdf(UUID tenant, UUID invoice, Locale locale, Function<String, String> labels) {
        return platform.call("tenant billing: support reads an invoice", () -> {
            InvoiceRow row = invoices.one(tenant, invoice, clock.instant())
                    .orElseThrow(() -> BillingRefused.of("billing.error.invoiceNotFound"));
            return InvoicePdf.pdf(row, invoices.lines(tenant, invoice), locale, labels);
        });
    }

    /** Bills every tenant now (what the hourly job does); safe at any time. */
    public BillingRun.Outcome runNow() {
        return run.runDue();
    }

    public BillingMetrics metrics() {
        return platform.call("tenant billing: metrics", () -> {
            var prices = plans.prices();
            LocalDate today = LocalDate.ofInstant(clock.instant(), InvoiceIssuer.NUMBERING_ZONE);
            Map<String, Long> perPlan = new TreeMap<>();
            long mrr = 0;
            String currency = "IDR";
            List<Map.Entry<UUID, String>> current = jdbc.sql("""
                            select distinct on (tenant_id) tenant_id, plan_code from tenant_subscription
                            where effective_from <= ? order by tenant_id, effective_from desc""")
                    .param(today)
                    .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)))
                    .list();
            for (Map.Entry<UUID, String> tenant : current) {
                perPlan.merge(tenant.getValue(), 1L, Long::sum);
                PlanPrice price = PlanReads.priceOn(prices, tenant.getValue(), today);
                if (price != null) {
                    mrr += price.monthlyFee().minor();
                    currency = price.currency();
                }
            }
            String c = currency;
            List<BillingMetrics.MonthRevenue> revenue = jdbc.sql("""
                            select period, sum(subtotal_minor) from saas_invoice
                            where period >= ? group by period order by period""")
                    .param(today.withDayOfMonth(1).minusMonths(11))
                    .query((rs, n) -> new BillingMetrics.MonthRevenue(
                            YearMonth.from(rs.getObject(1, LocalDate.class)), Money.of(rs.getLong(2), c)))
                    .list();
            return new BillingMetrics(Money.of(mrr, c), Money.of(mrr, c).times(12), perPlan, revenue);
        });
    }

    /** Tenants by name for choosing one (id → name). */
    public Map<UUID, String> tenantNames() {
        return platform.call("tenant billing: tenant names", () -> {
            Map<UUID, String> names = new LinkedHashMap<>();
            jdbc.sql("select id, name from tenant order by lower(name)")
                    .query((rs, n) -> names.put(rs.getObject(1, UUID.class), rs.getString(2)))
                    .list();
            return names;
        });
    }
}

package id.lapak.billing.subscription;

import id.lapak.tenant.context.TenantContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The merchant admin's own billing: the plan today, the current month's usage and estimated invoice (computed live
 * exactly as the invoice will be), and the tenant's invoices with their PDFs. Only the current tenant's rows.
 */
@Service
@PreAuthorize("hasRole('MERCHANT_ADMIN')")
@Transactional(readOnly = true)
public class OwnBilling {

    private final JdbcClient jdbc;
    private final PlanReads plans;
    private final InvoiceIssuer issuer;
    private final InvoiceReads invoices;
    private final Clock clock;

    OwnBilling(JdbcClient jdbc, PlanReads plans, InvoiceIssuer issuer, InvoiceReads invoices, Clock clock) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.issuer = issuer;
        this.invoices = invoices;
        this.clock = clock;
    }

    /** The plan the tenant is on today, if any. */
    public Optional<PlanPrice> currentPlan() {
        UUID tenant = TenantContext.requireTenant();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone(tenant));
        return plans.subscriptions(tenant).stream()
                .filter(s -> !s.effectiveFrom().isAfter(today))
                .reduce((a, b) -> b)
                .map(s -> PlanReads.priceOn(plans.prices(), s.planCode(), today));
    }

    /** This month so far, as it would be invoiced if the month ended with today's devices and plan. */
    public InvoiceDraft estimate() {
        UUID tenant = TenantContext.requireTenant();
        BillingPeriod period = BillingPeriod.containing(clock.instant(), zone(tenant));
        return issuer.draft(tenant, period, period.end());
    }

    public List<InvoiceRow> invoices() {
        return invoices.list(TenantContext.requireTenant(), false, clock.instant(), 500, 0);
    }

    public List<InvoiceLine> lines(UUID invoice) {
        return invoices.lines(TenantContext.requireTenant(), invoice);
    }

    public byte[] pdf(UUID invoice, Locale locale, Function<String, String> labels) {
        UUID tenant = TenantContext.requireTenant();
        InvoiceRow row = invoices.one(tenant, invoice, clock.instant())
                .orElseThrow(() -> BillingRefused.of("billing.error.invoiceNotFound"));
        return InvoicePdf.pdf(row, invoices.lines(tenant, invoice), locale, labels);
    }

    private ZoneId zone(UUID tenant) {
        return ZoneId.of(jdbc.sql("select time_zone from tenant where id = ?")
                .param(tenant)
                .query(String.class)
                .single());
    }
}

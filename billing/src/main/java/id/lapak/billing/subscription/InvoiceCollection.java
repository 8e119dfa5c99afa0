package id.lapak.billing.subscription;

import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.audit.AuditEvent;
import id.lapak.tenant.audit.AuditLog;
import id.lapak.tenant.context.PlatformAccess;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Support records a payment of an invoice (or debit note) with the bank's or gateway's reference: once — a second
 * time is refused, naming why — audited in the tenant's log. A tenant suspended for non-payment is reactivated when
 * nothing that suspended it is left open.
 */
@Service
@PreAuthorize("hasRole('SUPPORT')")
public class InvoiceCollection {

    private final PlatformAccess platform;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Dunning dunning;
    private final Clock clock;

    InvoiceCollection(PlatformAccess platform, JdbcClient jdbc, AuditLog audit, Dunning dunning, Clock clock) {
        this.platform = platform;
        this.jdbc = jdbc;
        this.audit = audit;
        this.dunning = dunning;
        this.clock = clock;
    }

    public void markPaid(UUID tenant, UUID invoice, String reference) {
        String ref = reference == null ? "" : reference.strip();
        if (ref.isEmpty() || ref.length() > 100) {
            throw new BillingRefused(Map.of("reference", "billing.error.reference"));
        }
        String by = CurrentUser.find().map(u -> "support " + u.username()).orElse("support");
        platform.run("tenant billing: mark an invoice paid", () -> {
            String status = jdbc.sql("select status from saas_invoice where tenant_id = ? and id = ? for update")
                    .params(tenant, invoice)
                    .query(String.class)
                    .optional()
                    .orElseThrow(() -> BillingRefused.of("billing.error.invoiceNotFound"));
            if (!status.equals("OPEN")) {
                throw BillingRefused.of(
                        status.equals("PAID") ? "billing.error.alreadyPaid" : "billing.error.notPayable");
            }
            jdbc.sql("""
                            update saas_invoice set status = 'PAID', paid_at = ?, paid_reference = ?, paid_by = ?
                            where tenant_id = ? and id = ? and status = 'OPEN'""")
                    .params(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), ref, by, tenant, invoice)
                    .update();
            audit.recordFor(
                    tenant,
                    AuditEvent.of("billing.invoice.paid", "SaasInvoice", invoice)
                            .change("status", "OPEN", "PAID")
                            .detail("reference", ref));
        });
        dunning.paid(tenant);
    }
}

package id.lapak.billing.subscription;

import id.lapak.billing.subscription.InvoiceLine.LineKind;
import id.lapak.tenant.context.TenantContext;
import id.lapak.tenant.money.Money;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Support credits part or all of an invoice by hand (a goodwill gesture, a service outage), with a reason: a credit
 * note of its own number with the amount before PPN and the PPN on it as its own line, never more than what is
 * left of the invoice after its earlier notes. The note is e-mailed like every document; if the invoice was paid
 * from the merchant's payouts, the credit goes back the same way; if it leaves nothing open, the invoice is closed as
 * credited (and a suspension it caused is lifted). Issued invoices are never edited.
 */
@Service
@PreAuthorize("hasRole('SUPPORT')")
public class CreditNotes {

    /** The largest credit note in minor units before PPN (a typing slip of a few zeros is refused). */
    static final long LIMIT_MINOR = 10_000_000_000L;

    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final InvoiceIssuer issuer;
    private final Dunning dunning;
    private final Clock clock;

    CreditNotes(
            PlatformTransactionManager transactions,
            JdbcClient jdbc,
            InvoiceIssuer issuer,
            Dunning dunning,
            Clock clock) {
        this.transaction = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.issuer = issuer;
        this.dunning = dunning;
        this.clock = clock;
    }

    /** Field → message key of every invalid field; empty when the form may be sent. */
    public static Map<String, String> validate(Money amount, String reason) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (amount == null || amount.minor() <= 0 || amount.minor() > LIMIT_MINOR) {
            errors.put("amount", "billing.error.creditAmount");
        }
        String r = reason == null ? "" : reason.strip();
        if (r.length() < 3 || r.length() > 500) {
            errors.put("reason", "billing.error.creditReason");
        }
        return errors;
    }

    /** Issues a credit note of {@code amount} before PPN against {@code invoice}; answers its number. */
    public String credit(UUID tenant, UUID invoice, Money amount, String reason) {
        Map<String, String> errors = validate(amount, reason);
        if (!errors.isEmpty()) {
            throw new BillingRefused(errors);
        }
        // In the tenant's own context (not the platform path): the note is the tenant's document, and its e-mail goes
        // through the tenant's outbox in the same transaction.
        String number = TenantContext.callAs(
                tenant,
                () -> transaction.execute(status -> {
                    record Invoice(String kind, LocalDate period, String currency, long ppnBp, ZoneId zone) {}
                    Invoice row = jdbc.sql("""
                            select i.kind, i.period, i.currency, i.ppn_bp, t.time_zone
                            from saas_invoice i join tenant t on t.id = i.tenant_id
                            where i.tenant_id = ? and i.id = ? for update of i""")
                            .params(tenant, invoice)
                            .query((rs, n) -> new Invoice(
                                    rs.getString(1),
                                    rs.getObject(2, LocalDate.class),
                                    rs.getString(3),
                                    rs.getLong(4),
                                    ZoneId.of(rs.getString(5))))
                            .optional()
                            .orElseThrow(() -> BillingRefused.of("billing.error.invoiceNotFound"));
                    if (!row.kind().equals("INVOICE")) {
                        throw BillingRefused.of("billing.error.creditOnlyInvoices");
                    }
                    if (!amount.currency().getCurrencyCode().equals(row.currency())) {
                        throw new BillingRefused(Map.of("amount", "billing.error.creditAmount"));
                    }
                    long net = amount.minor();
                    long ppn = amount.basisPoints(row.ppnBp()).minor();
                    List<InvoiceLine> lines = List.of(
                            new InvoiceLine(LineKind.CREDIT, "CREDIT:1", 1, -net, -net),
                            new InvoiceLine(LineKind.PPN, "CREDIT:PPN", row.ppnBp(), -net, -ppn));
                    UUID note = issuer.write(
                            tenant,
                            new BillingPeriod(YearMonth.from(row.period()), row.zone()),
                            "CREDIT_NOTE",
                            invoice,
                            lines,
                            row.ppnBp(),
                            row.currency(),
                            clock.instant(),
                            reason.strip());
                    return jdbc.sql("select number from saas_invoice where tenant_id = ? and id = ?")
                            .params(tenant, note)
                            .query(String.class)
                            .single();
                }));
        dunning.paid(tenant);
        return number;
    }
}

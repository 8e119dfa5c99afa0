package id.lapak.billing.subscription;

import id.lapak.tenant.context.TenantContext;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * An issued invoice's PDF for the e-mail to the tenant's admins, queued in the transaction that issued it. Reads
 * only the current tenant's invoice; people read invoices through {@link OwnBilling} or {@link SupportBilling}.
 */
@Component
public class InvoiceDocuments {

    /** The invoice and its PDF, ready to attach. */
    public record Document(InvoiceRow invoice, byte[] pdf) {}

    private final InvoiceReads invoices;
    private final Clock clock;

    InvoiceDocuments(InvoiceReads invoices, Clock clock) {
        this.invoices = invoices;
        this.clock = clock;
    }

    public Document of(UUID invoice, Locale locale, Function<String, String> labels) {
        UUID tenant = TenantContext.requireTenant();
        InvoiceRow row = invoices.one(tenant, invoice, clock.instant())
                .orElseThrow(() -> new IllegalArgumentException("No such invoice"));
        return new Document(row, InvoicePdf.pdf(row, invoices.lines(tenant, invoice), locale, labels));
    }
}

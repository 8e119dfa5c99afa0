package id.lapak.billing.subscription;

import java.time.LocalDate;
import java.util.UUID;

/** An open invoice passed its due date: the tenant's admins are reminded (published in the deciding transaction). */
public record InvoiceOverdue(
        UUID tenantId,
        UUID invoiceId,
        String number,
        LocalDate dueOn,
        long totalMinor,
        String currency,
        LocalDate suspensionOn) {}

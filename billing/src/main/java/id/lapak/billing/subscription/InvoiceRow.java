package id.lapak.billing.subscription;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

import id.lapak.tenant.money.Money;

/** An invoice or note as pages list it. {@code overdue}: open and past its due date in the tenant's zone. */
public record InvoiceRow(UUID tenantId, String tenantName, UUID id, String number, DocumentKind kind,
                         YearMonth period, Money subtotal, long ppnBasisPoints, Money ppn, Money total,
                         Instant issuedAt, LocalDate dueOn, InvoiceStatus status, String paidReference,
                         boolean overdue) {

    public enum DocumentKind { INVOICE, CREDIT_NOTE, DEBIT_NOTE }

    public enum InvoiceStatus { OPEN, PAID, CREDITED }
}

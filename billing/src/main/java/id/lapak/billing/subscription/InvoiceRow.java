package id.lapak.billing.subscription;

import id.lapak.tenant.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

/**
 * An invoice or note as pages list it. {@code overdue}: open and past its due date in the tenant's zone;
 * {@code note}: the reason of a credit note support wrote (else null).
 */
public record InvoiceRow(
        UUID tenantId,
        String tenantName,
        UUID id,
        String number,
        DocumentKind kind,
        YearMonth period,
        Money subtotal,
        long ppnBasisPoints,
        Money ppn,
        Money total,
        Instant issuedAt,
        LocalDate dueOn,
        InvoiceStatus status,
        String paidReference,
        boolean overdue,
        String note) {

    /** The payment reference of a document paid from the merchant's payouts. */
    public static final String PAID_FROM_PAYOUTS = "payout deduction";

    public enum DocumentKind {
        INVOICE,
        CREDIT_NOTE,
        DEBIT_NOTE
    }

    /** The translation key of the status pages show: overdue, paid from payouts, or the status itself. */
    public String statusKey() {
        if (overdue) {
            return "billing.status.OVERDUE";
        }
        return status == InvoiceStatus.PAID && PAID_FROM_PAYOUTS.equals(paidReference)
                ? "billing.status.PAID_FROM_PAYOUTS"
                : "billing.status." + status;
    }

    public enum InvoiceStatus {
        OPEN,
        PAID,
        CREDITED
    }
}

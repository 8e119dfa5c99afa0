package id.lapak.billing.reconciliation;

import id.lapak.tenant.money.Money;
import java.time.Instant;
import java.util.UUID;

/**
 * A reconciliation exception as people read it. {@code expected} is what Lapak's operation (or the fee schedule)
 * says, {@code actual} what the acquirer's line says (either null when there is none); both signed from the
 * merchant's side. {@code ageDays} counts whole days in the tenant's time zone from {@code since} to today, or to
 * its resolution.
 */
public record ExceptionItem(
        UUID id,
        ExceptionKind kind,
        boolean open,
        Resolution resolution,
        String reference,
        Money expected,
        Money actual,
        Instant since,
        long ageDays,
        UUID saleId,
        UUID storeId,
        String fileName,
        Integer lineNo,
        String reason,
        String resolvedBy,
        Instant resolvedAt) {

    /** Which actions make sense for it (the service checks again). */
    public boolean canMarkReceived() {
        return open && kind == ExceptionKind.EXPECTED_MISSING;
    }

    public boolean canLink() {
        return open && (kind == ExceptionKind.EXPECTED_MISSING || kind == ExceptionKind.UNEXPECTED);
    }

    public boolean canWriteOff() {
        return open;
    }
}

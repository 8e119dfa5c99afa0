package id.lapak.billing.sale;

/**
 * Totals of the sales matching a filter, per currency. {@code count} is {@code approvedCount} (funds approved, see
 * {@link SaleStatus#approved()}) plus {@code declinedCount} (declined by the issuer or by Lapak) plus
 * {@link #unfinishedCount()}. {@code approvedMinor} is what was authorized; {@code netMinor} is captured less
 * refunded.
 */
public record SaleTotals(
        String currency,
        long count,
        long approvedCount,
        long declinedCount,
        long approvedMinor,
        long capturedMinor,
        long refundedMinor,
        long tipMinor) {

    /** Neither approved nor declined: still being authorized, reversed after a timeout, or failed to reach the acquirer. */
    public long unfinishedCount() {
        return count - approvedCount - declinedCount;
    }

    public long netMinor() {
        return capturedMinor - refundedMinor;
    }
}

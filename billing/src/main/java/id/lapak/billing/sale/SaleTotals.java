package id.lapak.billing.sale;

/**
 * Totals of the sales matching a filter, per currency. {@code approvedMinor} is what was authorized;
 * {@code netMinor} is captured less refunded.
 */
public record SaleTotals(String currency, long count, long approvedCount, long declinedCount, long approvedMinor,
                         long capturedMinor, long refundedMinor, long tipMinor) {

    public long netMinor() {
        return capturedMinor - refundedMinor;
    }
}

package id.lapak.billing.sale;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One sale with its lines and its payment timeline (oldest first). {@code cashierCode} and {@code cashierName} are
 * the operator the device reported (null when it reported none; the name may be null with a code).
 */
public record SaleDetails(
        SaleSummary sale,
        UUID customerId,
        long taxMinor,
        Instant deviceTime,
        Integer expiryMonth,
        Integer expiryYear,
        String gatewayReference,
        List<SaleLineDetails> lines,
        List<PaymentEvent> timeline,
        String cashierCode,
        String cashierName) {

    public SaleDetails {
        lines = List.copyOf(lines);
        timeline = List.copyOf(timeline);
    }

    /** The discounts the device reported on the lines, summed (0 when it reported none). */
    public long discountMinor() {
        return lines.stream()
                .map(SaleLineDetails::discountMinor)
                .filter(Objects::nonNull)
                .mapToLong(Long::longValue)
                .sum();
    }
}

package id.lapak.tenant.sale;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Part or all of a sale was refunded. {@code returnedLines} lists what goes back into stock; empty when the merchant
 * chose not to restock. Published and handled in the refund's transaction, like {@link SaleCompleted}.
 */
public record SaleRefunded(
        UUID tenantId,
        UUID saleId,
        UUID refundId,
        UUID storeId,
        UUID deviceId,
        UUID customerId,
        String currency,
        long amountMinor,
        Instant refundedAt,
        List<SaleLine> returnedLines) {

    public SaleRefunded {
        returnedLines = List.copyOf(returnedLines);
    }
}

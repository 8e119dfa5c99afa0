package id.lapak.catalog.customers;

import java.time.Instant;
import java.util.UUID;

/** One line of a customer's purchase history: a sale, or a refund (negative amount). */
public record CustomerPurchase(
        UUID id,
        Kind kind,
        UUID saleId,
        UUID storeId,
        UUID deviceId,
        String currency,
        long amountMinor,
        int itemCount,
        Instant occurredAt) {

    public enum Kind {
        SALE,
        REFUND
    }
}

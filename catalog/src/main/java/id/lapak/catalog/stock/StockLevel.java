package id.lapak.catalog.stock;

import java.time.Instant;
import java.util.UUID;

/**
 * One variant's stock in one store. {@code belowThreshold} is the low-stock alert (on hand at or under the
 * threshold); a negative on-hand means more was sold than the ledger knew of, and is flagged, never refused.
 */
public record StockLevel(
        UUID storeId,
        String storeName,
        UUID variantId,
        String variantName,
        String sku,
        long onHand,
        Integer threshold,
        boolean belowThreshold,
        Instant belowSince,
        Instant updatedAt) {

    public boolean negative() {
        return onHand < 0;
    }
}

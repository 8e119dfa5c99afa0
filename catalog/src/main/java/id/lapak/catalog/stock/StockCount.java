package id.lapak.catalog.stock;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stock count of a store: what the ledger expected, what was counted; each difference became a COUNT movement. */
public record StockCount(
        UUID id, UUID storeId, String storeName, String note, Instant countedAt, String countedBy, List<Line> lines) {

    public record Line(UUID variantId, String variantName, long expected, long counted) {

        public long difference() {
            return counted - expected;
        }
    }
}

package id.lapak.catalog.items;

import java.time.Instant;
import java.util.UUID;

/** One price change: the catalog price ({@code storeId} null) or a store's override; null prices mean none. */
public record PriceChange(
        UUID variantId,
        UUID storeId,
        Long oldPriceMinor,
        Long newPriceMinor,
        String changedBy,
        Instant changedAt,
        String source) {}

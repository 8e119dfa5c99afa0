package id.lapak.catalog.items;

import java.util.UUID;

/** A row of the items grid: the price range over the item's variants, in minor units. */
public record ItemSummary(
        UUID id,
        String name,
        UUID categoryId,
        String unit,
        boolean active,
        int variantCount,
        long minPriceMinor,
        long maxPriceMinor,
        String skus) {}

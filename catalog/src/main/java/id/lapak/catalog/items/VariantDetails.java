package id.lapak.catalog.items;

import java.util.UUID;

/** A variant as the portal edits it; prices in minor units of the tenant's currency. */
public record VariantDetails(
        UUID id,
        UUID itemId,
        String name,
        String sku,
        String barcode,
        long priceMinor,
        Long costMinor,
        boolean active,
        int position) {}

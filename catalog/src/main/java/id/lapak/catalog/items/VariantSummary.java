package id.lapak.catalog.items;

import java.util.UUID;

/**
 * What other modules (stock, sales) need to know about a variant: its name (item name and variant name), codes and
 * catalog price in minor units of the tenant's currency. {@code active} is false when the variant, its item or
 * either one's deletion took it out of sale.
 */
public record VariantSummary(
        UUID variantId, UUID itemId, String sku, String barcode, String name, long priceMinor, boolean active) {}

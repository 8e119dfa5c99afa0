package id.lapak.catalog.items;

import java.util.UUID;

/** A store's price for a variant ({@code null}: the catalog price) and whether the store sells it. */
public record StoreOverride(UUID storeId, UUID variantId, Long priceMinor, boolean available) {}

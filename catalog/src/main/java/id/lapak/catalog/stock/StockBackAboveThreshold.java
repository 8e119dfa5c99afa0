package id.lapak.catalog.stock;

import java.util.UUID;

/** A variant's stock in a store is back above its low-stock threshold (or the threshold was removed): alert cleared. */
public record StockBackAboveThreshold(UUID tenantId, UUID storeId, UUID variantId, long onHand) {}

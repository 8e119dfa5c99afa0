package id.lapak.catalog.stock;

import java.util.UUID;

/**
 * A variant's stock in a store fell to or under its low-stock threshold (it was above before). Published once per
 * crossing, inside the transaction that moved the stock; the e-mail goes out only after that commits.
 */
public record StockBelowThreshold(UUID tenantId, UUID storeId, UUID variantId, long onHand, int threshold) {}

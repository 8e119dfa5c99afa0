package id.lapak.catalog.stock;

import java.util.UUID;

/** A quantity of one variant: received, transferred or counted. */
public record StockQuantity(UUID variantId, long quantity) {}

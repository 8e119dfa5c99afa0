package id.lapak.catalog.items;

import java.util.UUID;

/** A variant as entered; {@code id} is null for a new variant. */
public record VariantForm(
        UUID id, String name, String sku, String barcode, long priceMinor, Long costMinor, boolean active) {}

package id.lapak.catalog.items;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An item with its variants (in their order), as the portal shows and edits it. */
public record ItemDetails(
        UUID id,
        String name,
        String description,
        UUID categoryId,
        UUID taxCategoryId,
        String unit,
        boolean active,
        boolean hasImage,
        long version,
        List<VariantDetails> variants,
        Instant createdAt,
        Instant updatedAt) {

    public ItemForm toForm() {
        return new ItemForm(
                name,
                description,
                categoryId,
                taxCategoryId,
                unit,
                active,
                variants.stream()
                        .map(v -> new VariantForm(
                                v.id(), v.name(), v.sku(), v.barcode(), v.priceMinor(), v.costMinor(), v.active()))
                        .toList());
    }
}

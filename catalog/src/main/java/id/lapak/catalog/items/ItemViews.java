package id.lapak.catalog.items;

import java.util.List;

/** The catalog's entities as the views its callers get: item details, item summaries, variant summaries. */
final class ItemViews {

    private ItemViews() {}

    /** An item with the given (not deleted) variants. */
    static ItemDetails details(Item item, List<Variant> variants) {
        return new ItemDetails(
                item.getId(),
                item.getName(),
                item.getDescription(),
                item.getCategoryId(),
                item.getTaxCategoryId(),
                item.getUnit(),
                item.isActive(),
                item.hasImage(),
                item.getVersion(),
                variants.stream().map(Variant::details).toList(),
                item.getCreatedAt(),
                item.getUpdatedAt());
    }

    /** The same details with every variant's cost price left out. */
    static ItemDetails withoutCosts(ItemDetails d) {
        return new ItemDetails(
                d.id(),
                d.name(),
                d.description(),
                d.categoryId(),
                d.taxCategoryId(),
                d.unit(),
                d.active(),
                d.hasImage(),
                d.version(),
                d.variants().stream()
                        .map(v -> new VariantDetails(
                                v.id(),
                                v.itemId(),
                                v.name(),
                                v.sku(),
                                v.barcode(),
                                v.priceMinor(),
                                null,
                                v.active(),
                                v.position()))
                        .toList(),
                d.createdAt(),
                d.updatedAt());
    }

    /** A list row of an item: its variants counted, their lowest and highest price, the first five SKUs. */
    static ItemSummary summary(Item item, List<Variant> variants) {
        long min = variants.stream().mapToLong(Variant::getPriceMinor).min().orElse(0);
        long max = variants.stream().mapToLong(Variant::getPriceMinor).max().orElse(0);
        String skus = String.join(
                ", ", variants.stream().map(Variant::getSku).sorted().limit(5).toList());
        return new ItemSummary(
                item.getId(),
                item.getName(),
                item.getCategoryId(),
                item.getUnit(),
                item.isActive(),
                variants.size(),
                min,
                max,
                skus);
    }

    /** A variant under its item's name; active only when both are active and neither is deleted. */
    static VariantSummary summary(Variant v, Item i) {
        String name =
                v.getName() == null || v.getName().isBlank() ? i.getName() : i.getName() + " (" + v.getName() + ")";
        return new VariantSummary(
                v.getId(),
                v.getItemId(),
                v.getSku(),
                v.getBarcode(),
                name,
                v.getPriceMinor(),
                v.isActive() && i.isActive() && !v.isDeleted() && !i.isDeleted());
    }
}

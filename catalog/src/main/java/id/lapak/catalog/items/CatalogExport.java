package id.lapak.catalog.items;

import id.lapak.tenant.money.Money;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * The catalog as the import's rows (one per variant, in the import's columns), read a thousand items at a time, and
 * each category's path ("Drinks > Coffee") as the import writes it. In the caller's transaction and tenant; the
 * caller ({@link CatalogTransfer}) decides who may.
 */
@Component
class CatalogExport {

    private final CatalogService catalog;
    private final ItemRepository items;
    private final VariantRepository variants;
    private final CategoryRepository categories;
    private final TaxCategoryRepository taxCategories;

    CatalogExport(
            CatalogService catalog,
            ItemRepository items,
            VariantRepository variants,
            CategoryRepository categories,
            TaxCategoryRepository taxCategories) {
        this.catalog = catalog;
        this.items = items;
        this.variants = variants;
        this.categories = categories;
        this.taxCategories = taxCategories;
    }

    List<List<String>> rows() {
        Currency currency = catalog.currency();
        Map<UUID, String> categoryPaths = categoryPaths();
        Map<UUID, String> taxNames = new HashMap<>();
        taxCategories.findAll().forEach(t -> taxNames.put(t.getId(), t.details().name()));
        List<List<String>> rows = new ArrayList<>();
        int page = 0;
        Page<Item> batch;
        do {
            batch = items.allInOrder(PageRequest.of(page++, 1000));
            Map<UUID, List<Variant>> byItem = new HashMap<>();
            if (!batch.isEmpty()) {
                for (Variant v : variants.findByItemIdInAndDeletedFalse(
                        batch.map(Item::getId).getContent())) {
                    byItem.computeIfAbsent(v.getItemId(), k -> new ArrayList<>())
                            .add(v);
                }
            }
            for (Item item : batch) {
                List<Variant> own = byItem.getOrDefault(item.getId(), List.of());
                own.sort(Comparator.comparingInt(Variant::getPosition));
                for (Variant v : own) {
                    rows.add(Arrays.asList(
                            item.getName(),
                            v.getName(),
                            v.getSku(),
                            v.getBarcode(),
                            Money.of(v.getPriceMinor(), currency).toPlainString(),
                            v.getCostMinor() == null
                                    ? ""
                                    : Money.of(v.getCostMinor(), currency).toPlainString(),
                            item.getCategoryId() == null ? "" : categoryPaths.getOrDefault(item.getCategoryId(), ""),
                            item.getUnit(),
                            taxNames.getOrDefault(item.getTaxCategoryId(), ""),
                            Boolean.toString(v.isActive() && item.isActive())));
                }
            }
        } while (batch.hasNext());
        return rows;
    }

    Map<UUID, String> categoryPaths() {
        Map<UUID, Category> all = new HashMap<>();
        categories.findAll().forEach(c -> all.put(c.getId(), c));
        Map<UUID, String> paths = new HashMap<>();
        for (Category c : all.values()) {
            if (c.isDeleted()) {
                continue;
            }
            Category parent = c.getParentId() == null ? null : all.get(c.getParentId());
            paths.put(
                    c.getId(),
                    parent == null
                            ? c.details().name()
                            : parent.details().name() + " > " + c.details().name());
        }
        return paths;
    }
}

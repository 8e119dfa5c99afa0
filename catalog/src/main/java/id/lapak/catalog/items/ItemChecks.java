package id.lapak.catalog.items;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * An item form against the tenant's catalog: the form's own rules ({@link ItemRules}), then its category and tax
 * category exist, its SKUs and barcodes are not another item's, its variant ids are the item's own.
 */
@Component
class ItemChecks {

    private final CategoryRepository categories;
    private final TaxCategoryRepository taxCategories;
    private final VariantRepository variants;

    ItemChecks(CategoryRepository categories, TaxCategoryRepository taxCategories, VariantRepository variants) {
        this.categories = categories;
        this.taxCategories = taxCategories;
        this.variants = variants;
    }

    /** Checks an item form against itself and the tenant's catalog; throws with every problem found. */
    void validate(ItemForm form, UUID existingItemId) {
        List<CatalogProblem> problems = problems(form, existingItemId);
        if (!problems.isEmpty()) {
            throw new InvalidCatalogException(problems);
        }
    }

    /** Every problem of an item form, against itself and the tenant's catalog. */
    List<CatalogProblem> problems(ItemForm form, UUID existingItemId) {
        List<CatalogProblem> problems = ItemRules.problems(form);
        if (form != null
                && form.categoryId() != null
                && categories
                        .findById(form.categoryId())
                        .filter(c -> !c.isDeleted())
                        .isEmpty()) {
            problems.add(new CatalogProblem("categoryId", "catalog.error.category.unknown"));
        }
        if (form != null
                && form.taxCategoryId() != null
                && taxCategories
                        .findById(form.taxCategoryId())
                        .filter(t -> !t.isDeleted())
                        .isEmpty()) {
            problems.add(new CatalogProblem("taxCategoryId", "catalog.error.tax.unknown"));
        }
        if (form != null) {
            Set<UUID> own = new HashSet<>();
            if (existingItemId != null) {
                variants.findByItemIdAndDeletedFalseOrderByPosition(existingItemId)
                        .forEach(v -> own.add(v.getId()));
            }
            List<String> skus = form.variants().stream()
                    .filter(v -> v.sku() != null && !v.sku().isBlank())
                    .map(v -> v.sku().strip().toLowerCase(Locale.ROOT))
                    .toList();
            List<String> barcodes = form.variants().stream()
                    .filter(v -> v.barcode() != null && !v.barcode().isBlank())
                    .map(v -> v.barcode().strip())
                    .toList();
            Set<String> takenSkus = new HashSet<>();
            Set<String> takenBarcodes = new HashSet<>();
            if (!skus.isEmpty()) {
                variants.findBySkus(skus).stream()
                        .filter(v -> !own.contains(v.getId()))
                        .forEach(v -> takenSkus.add(v.getSku().toLowerCase(Locale.ROOT)));
            }
            if (!barcodes.isEmpty()) {
                variants.findByBarcodes(barcodes).stream()
                        .filter(v -> !own.contains(v.getId()))
                        .forEach(v -> takenBarcodes.add(v.getBarcode()));
            }
            for (int i = 0; i < form.variants().size(); i++) {
                VariantForm v = form.variants().get(i);
                if (v.sku() != null && takenSkus.contains(v.sku().strip().toLowerCase(Locale.ROOT))) {
                    problems.add(new CatalogProblem("variants[" + i + "].sku", "catalog.error.sku.taken"));
                }
                if (v.barcode() != null && takenBarcodes.contains(v.barcode().strip())) {
                    problems.add(new CatalogProblem("variants[" + i + "].barcode", "catalog.error.barcode.taken"));
                }
                if (v.id() != null && !own.contains(v.id())) {
                    problems.add(new CatalogProblem("variants[" + i + "]", "catalog.error.variant.unknown"));
                }
            }
        }
        return problems;
    }
}

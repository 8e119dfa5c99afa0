package id.lapak.catalog.items;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** What an item form must satisfy on its own, before the catalog is asked (shared by the portal and the import). */
final class ItemRules {

    static final Pattern BARCODE = Pattern.compile("[0-9A-Za-z-]{1,48}");
    static final Pattern SKU = Pattern.compile("[\\p{L}\\p{N}._/-]{1,64}");

    private ItemRules() {}

    static List<CatalogProblem> problems(ItemForm form) {
        List<CatalogProblem> problems = new ArrayList<>();
        if (form == null) {
            problems.add(new CatalogProblem("name", "catalog.error.name.required"));
            return problems;
        }
        if (form.name() == null || form.name().isBlank()) {
            problems.add(new CatalogProblem("name", "catalog.error.name.required"));
        } else if (form.name().strip().length() > ItemForm.NAME_MAX) {
            problems.add(new CatalogProblem("name", "catalog.error.name.long"));
        }
        if (form.description() != null && form.description().strip().length() > ItemForm.DESCRIPTION_MAX) {
            problems.add(new CatalogProblem("description", "catalog.error.description.long"));
        }
        if (form.unit() == null || form.unit().isBlank() || form.unit().strip().length() > ItemForm.UNIT_MAX) {
            problems.add(new CatalogProblem("unit", "catalog.error.unit.required"));
        }
        if (form.variants().isEmpty()) {
            problems.add(new CatalogProblem("variants", "catalog.error.variants.required"));
        }
        if (form.variants().size() > 100) {
            problems.add(new CatalogProblem("variants", "catalog.error.variants.many"));
        }
        Set<String> skus = new HashSet<>();
        Set<String> barcodes = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < form.variants().size(); i++) {
            VariantForm v = form.variants().get(i);
            String field = "variants[" + i + "].";
            if (v.sku() == null || v.sku().isBlank()) {
                problems.add(new CatalogProblem(field + "sku", "catalog.error.sku.required"));
            } else if (!SKU.matcher(v.sku().strip()).matches()) {
                problems.add(new CatalogProblem(field + "sku", "catalog.error.sku.format"));
            } else if (!skus.add(v.sku().strip().toLowerCase(Locale.ROOT))) {
                problems.add(new CatalogProblem(field + "sku", "catalog.error.sku.duplicate"));
            }
            if (v.barcode() != null && !v.barcode().isBlank()) {
                if (!BARCODE.matcher(v.barcode().strip()).matches()) {
                    problems.add(new CatalogProblem(field + "barcode", "catalog.error.barcode.format"));
                } else if (!barcodes.add(v.barcode().strip())) {
                    problems.add(new CatalogProblem(field + "barcode", "catalog.error.barcode.duplicate"));
                }
            }
            String name = v.name() == null ? "" : v.name().strip();
            if (name.length() > ItemForm.VARIANT_NAME_MAX) {
                problems.add(new CatalogProblem(field + "name", "catalog.error.variant.name.long"));
            } else if (!names.add(name.toLowerCase(Locale.ROOT))) {
                problems.add(new CatalogProblem(field + "name", "catalog.error.variant.name.duplicate"));
            }
            if (v.priceMinor() < 0 || v.priceMinor() > CatalogService.MAX_PRICE_MINOR) {
                problems.add(new CatalogProblem(field + "price", "catalog.error.price.range"));
            }
            if (v.costMinor() != null && (v.costMinor() < 0 || v.costMinor() > CatalogService.MAX_PRICE_MINOR)) {
                problems.add(new CatalogProblem(field + "cost", "catalog.error.cost.range"));
            }
        }
        return problems;
    }
}

package id.lapak.catalog.items;

import id.lapak.tenant.audit.AuditEvent;
import id.lapak.tenant.audit.AuditLog;
import id.lapak.tenant.context.TenantContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Catalog import and export. A CSV has one row per variant; the SKU says which variant a row is (an unknown SKU is a
 * new variant, of an existing item with the same name or of a new item). {@link #preview} reads a file and says what
 * would happen without writing anything; {@link #apply} reads it again, checks it again and applies it in one
 * transaction, or refuses it whole.
 */
@Service
public class CatalogTransfer {

    public static final List<String> COLUMNS = List.of(
            "item_name",
            "variant_name",
            "sku",
            "barcode",
            "price",
            "cost",
            "category",
            "unit",
            "tax_category",
            "active");
    static final Set<String> REQUIRED = Set.of("item_name", "sku", "price");
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int MAX_ROWS = 20_000;

    private final CatalogService catalog;
    private final CategoryService categories;
    private final TaxCategoryService taxes;
    private final ItemChecks checks;
    private final ItemRepository items;
    private final VariantRepository variants;
    private final TaxCategoryRepository taxCategories;
    private final AuditLog auditLog;
    private final CatalogExport export;

    CatalogTransfer(
            CatalogService catalog,
            CategoryService categories,
            TaxCategoryService taxes,
            ItemChecks checks,
            ItemRepository items,
            VariantRepository variants,
            TaxCategoryRepository taxCategories,
            AuditLog auditLog,
            CatalogExport export) {
        this.catalog = catalog;
        this.categories = categories;
        this.taxes = taxes;
        this.checks = checks;
        this.items = items;
        this.variants = variants;
        this.taxCategories = taxCategories;
        this.auditLog = auditLog;
        this.export = export;
    }

    /** What importing {@code csv} would do; writes nothing (but may create the default tax categories). */
    @Transactional
    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
    public ImportPreview preview(byte[] csv) {
        TenantContext.requireTenant();
        return plan(csv).preview(catalog.currency());
    }

    /** Imports {@code csv} in one transaction after checking it again; refuses it whole if any row is bad. */
    @Transactional
    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
    public ImportPreview apply(byte[] csv, String fileName) {
        TenantContext.requireTenant();
        ImportPlan plan = plan(csv);
        ImportPreview preview = plan.preview(catalog.currency());
        if (!preview.applicable()) {
            throw new ImportRefusedException(preview);
        }
        Map<String, UUID> created = new HashMap<>();
        for (String path : preview.newCategories()) {
            String[] parts = path.split(">");
            UUID parent = null;
            if (parts.length == 2) {
                String parentName = parts[0].strip();
                parent = plan.categoryIds.get(parentName.toLowerCase(Locale.ROOT));
                if (parent == null) {
                    parent = created.get(parentName.toLowerCase(Locale.ROOT));
                }
                if (parent == null) {
                    parent = categories.saveCategory(null, parentName, null).id();
                    created.put(parentName.toLowerCase(Locale.ROOT), parent);
                }
            }
            String key = path.toLowerCase(Locale.ROOT);
            if (!created.containsKey(key)) {
                created.put(
                        key,
                        categories
                                .saveCategory(null, parts[parts.length - 1].strip(), parent)
                                .id());
            }
        }
        for (ImportPlan.Group group : plan.groups) {
            if (!group.changed()) {
                continue;
            }
            ItemForm form = group.form;
            if (group.newCategoryPath != null) {
                form = new ItemForm(
                        form.name(),
                        form.description(),
                        created.get(group.newCategoryPath.toLowerCase(Locale.ROOT)),
                        form.taxCategoryId(),
                        form.unit(),
                        form.active(),
                        form.variants());
            }
            if (group.item == null) {
                catalog.createItem(form, plan.standardTax, "IMPORT");
            } else {
                catalog.updateItem(group.item, form, plan.standardTax, "IMPORT");
            }
        }
        auditLog.record(AuditEvent.of("catalog.imported", "Catalog", TenantContext.requireTenant())
                .detail("file", fileName)
                .detail("rows", preview.rows())
                .detail("created", preview.creates().size())
                .detail("updated", preview.updates().size())
                .detail("unchanged", preview.unchanged()));
        return preview;
    }

    /** The whole catalog as CSV (UTF-8, the import's columns), one row per variant. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
    public void exportCsv(OutputStream out) {
        TenantContext.requireTenant();
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            Csv.writeRow(writer, COLUMNS);
            for (List<String> row : export.rows()) {
                Csv.writeRow(writer, row);
            }
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole catalog as an Excel workbook with the same columns. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
    public void exportXlsx(OutputStream out) {
        TenantContext.requireTenant();
        try {
            Xlsx.write(out, "Catalog", COLUMNS, export.rows());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- planning

    private ImportPlan plan(byte[] csv) {
        ImportPlan plan = new ImportPlan();
        plan.standardTax = taxes.ensureTaxDefaults();
        Map<String, UUID> taxByName = new HashMap<>();
        taxCategories
                .findByDeletedFalseOrderByName()
                .forEach(t -> taxByName.put(t.details().name().toLowerCase(Locale.ROOT), t.getId()));
        ImportRows.Read read = ImportRows.read(csv, catalog.currency(), taxByName.keySet());
        plan.rows = read.rows();
        plan.columns.addAll(read.columns());
        plan.errors.addAll(read.problems());
        if (read.good().isEmpty()) {
            return plan;
        }
        Map<String, UUID> categoryByPath = new HashMap<>();
        export.categoryPaths().forEach((id, path) -> categoryByPath.put(path.toLowerCase(Locale.ROOT), id));
        plan.categoryIds.putAll(categoryByPath);
        List<ImportRows.Row> parsed = read.good();

        // Which variant and item each row is.
        Map<String, Variant> existing = existingVariants(parsed);
        Map<String, List<Item>> itemsByName = itemsByName(parsed);
        Map<Object, ImportPlan.Group> groups = new LinkedHashMap<>();
        for (ImportRows.Row p : parsed) {
            Variant variant = existing.get(p.sku().toLowerCase(Locale.ROOT));
            Object key;
            Item item = null;
            if (variant != null) {
                key = variant.getItemId();
            } else {
                List<Item> named = itemsByName.getOrDefault(p.itemName().toLowerCase(Locale.ROOT), List.of());
                if (named.size() == 1) {
                    item = named.getFirst();
                    key = item.getId();
                } else {
                    key = "new:" + p.itemName().toLowerCase(Locale.ROOT);
                }
            }
            ImportPlan.Group group = groups.computeIfAbsent(key, k -> new ImportPlan.Group());
            if (key instanceof UUID id && group.item == null) {
                group.item = item != null ? item : items.findById(id).orElseThrow();
            }
            group.rows.add(p);
        }
        for (ImportPlan.Group group : groups.values()) {
            buildForm(plan, group, existing, taxByName, categoryByPath);
            plan.groups.add(group);
        }
        return plan;
    }

    /** The tenant's variants with the rows' SKUs, by lower-case SKU (looked up a thousand at a time). */
    private Map<String, Variant> existingVariants(List<ImportRows.Row> parsed) {
        Map<String, Variant> existing = new HashMap<>();
        List<String> skus = parsed.stream()
                .filter(p -> !p.sku().isEmpty())
                .map(p -> p.sku().toLowerCase(Locale.ROOT))
                .toList();
        for (int from = 0; from < skus.size(); from += 1000) {
            variants.findBySkus(skus.subList(from, Math.min(skus.size(), from + 1000)))
                    .forEach(v -> existing.put(v.getSku().toLowerCase(Locale.ROOT), v));
        }
        return existing;
    }

    /** The tenant's items with the rows' item names, by lower-case name (a name may be several items'). */
    private Map<String, List<Item>> itemsByName(List<ImportRows.Row> parsed) {
        Map<String, List<Item>> itemsByName = new HashMap<>();
        List<String> names = parsed.stream()
                .map(p -> p.itemName().toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
        for (int from = 0; from < names.size(); from += 1000) {
            items.findByNames(names.subList(from, Math.min(names.size(), from + 1000)))
                    .forEach(i -> itemsByName
                            .computeIfAbsent(i.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                            .add(i));
        }
        return itemsByName;
    }

    private void buildForm(
            ImportPlan plan,
            ImportPlan.Group group,
            Map<String, Variant> existing,
            Map<String, UUID> taxByName,
            Map<String, UUID> categoryByPath) {
        ImportRows.Row first = group.rows.getFirst();
        List<VariantForm> forms = new ArrayList<>();
        String name = first.itemName();
        UUID categoryId = null;
        UUID taxId = null;
        String unit = first.unit().isEmpty() ? "pcs" : first.unit();
        boolean itemActive = true;
        if (group.item != null) {
            ItemDetails current = catalog.get(group.item.getId());
            group.before = current.toForm();
            forms.addAll(group.before.variants());
            categoryId = current.categoryId();
            taxId = current.taxCategoryId();
            unit = first.unit().isEmpty() ? current.unit() : first.unit();
            itemActive = current.active();
        }
        // Item fields: the first row that gives one decides; a later row that disagrees is a bad row.
        itemConflicts(plan, group, name, unit);
        categoryId = category(plan, group, categoryByPath, categoryId);
        String taxText = group.rows.stream()
                .map(ImportRows.Row::tax)
                .filter(t -> !t.isEmpty())
                .findFirst()
                .orElse(null);
        if (taxText != null) {
            taxId = taxByName.get(taxText.toLowerCase(Locale.ROOT));
        }
        variantForms(plan, group, existing, forms);
        group.form = new ItemForm(
                name,
                group.before == null ? null : group.before.description(),
                categoryId,
                taxId,
                unit,
                itemActive,
                forms);
        catalogProblems(plan, group, first);
    }

    /** A row naming another item name or unit than the group's first is a bad row. */
    private static void itemConflicts(ImportPlan plan, ImportPlan.Group group, String name, String unit) {
        for (ImportRows.Row p : group.rows) {
            if (!p.itemName().equals(name)) {
                plan.errors.add(new ImportPreview.Problem(
                        p.line(), "item_name", "catalog.import.error.item.conflict", p.itemName()));
            }
            if (!p.unit().isEmpty() && !p.unit().equals(unit)) {
                plan.errors.add(
                        new ImportPreview.Problem(p.line(), "unit", "catalog.import.error.item.conflict", p.unit()));
            }
        }
    }

    /** The item's category: the rows' first path, known or new (then null, noted to create); else {@code current}. */
    private static UUID category(
            ImportPlan plan, ImportPlan.Group group, Map<String, UUID> categoryByPath, UUID current) {
        String categoryText = group.rows.stream()
                .map(ImportRows.Row::category)
                .filter(c -> !c.isEmpty())
                .findFirst()
                .orElse(null);
        if (categoryText == null) {
            return current;
        }
        for (ImportRows.Row p : group.rows) {
            if (!p.category().isEmpty() && !p.category().equalsIgnoreCase(categoryText)) {
                plan.errors.add(new ImportPreview.Problem(
                        p.line(), "category", "catalog.import.error.item.conflict", p.category()));
            }
        }
        UUID known = categoryByPath.get(categoryText.toLowerCase(Locale.ROOT));
        if (known != null) {
            return known;
        }
        group.newCategoryPath = categoryText;
        if (plan.newCategories.stream().noneMatch(c -> c.equalsIgnoreCase(categoryText))) {
            plan.newCategories.add(categoryText);
        }
        return null;
    }

    /** Each row's variant: an existing one (by SKU) updated in place, or a new one; which line gave it. */
    private static void variantForms(
            ImportPlan plan, ImportPlan.Group group, Map<String, Variant> existing, List<VariantForm> forms) {
        for (ImportRows.Row p : group.rows) {
            Variant variant = existing.get(p.sku().toLowerCase(Locale.ROOT));
            boolean active = p.active() == null ? variant == null || variant.isActive() : p.active();
            String barcode = p.barcode().isEmpty() ? null : p.barcode();
            if (variant != null) {
                int at = -1;
                for (int i = 0; i < forms.size(); i++) {
                    if (variant.getId().equals(forms.get(i).id())) {
                        at = i;
                    }
                }
                VariantForm was = forms.get(at);
                forms.set(
                        at,
                        new VariantForm(
                                was.id(),
                                plan.columns.contains("variant_name") ? p.variantName() : was.name(),
                                p.sku(),
                                plan.columns.contains("barcode") ? barcode : was.barcode(),
                                p.price(),
                                plan.columns.contains("cost") ? p.cost() : was.costMinor(),
                                active));
                group.lineOfVariant.put(at, p.line());
            } else {
                forms.add(new VariantForm(null, p.variantName(), p.sku(), barcode, p.price(), p.cost(), active));
                group.lineOfVariant.put(forms.size() - 1, p.line());
            }
        }
    }

    /** What the catalog's own rules say of the item the rows make, each on the line and column it came from. */
    private void catalogProblems(ImportPlan plan, ImportPlan.Group group, ImportRows.Row first) {
        for (CatalogProblem problem : checks.problems(group.form, group.item == null ? null : group.item.getId())) {
            int line = first.line();
            String column = problem.field();
            Matcher m = Pattern.compile("variants\\[(\\d+)]\\.?(.*)").matcher(problem.field());
            if (m.matches()) {
                line = group.lineOfVariant.getOrDefault(Integer.parseInt(m.group(1)), first.line());
                column = m.group(2).isEmpty() ? "sku" : m.group(2);
            }
            plan.errors.add(new ImportPreview.Problem(line, column, problem.messageKey(), ""));
        }
    }
}

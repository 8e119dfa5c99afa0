package id.lapak.catalog.items;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.lapak.tenant.audit.AuditEvent;
import id.lapak.tenant.audit.AuditLog;
import id.lapak.tenant.context.TenantContext;
import id.lapak.tenant.money.Money;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
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

    public static final List<String> COLUMNS = List.of("item_name", "variant_name", "sku", "barcode", "price", "cost",
            "category", "unit", "tax_category", "active");
    static final Set<String> REQUIRED = Set.of("item_name", "sku", "price");
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int MAX_ROWS = 20_000;

    private final CatalogService catalog;
    private final ItemRepository items;
    private final VariantRepository variants;
    private final CategoryRepository categories;
    private final TaxCategoryRepository taxCategories;
    private final AuditLog auditLog;

    CatalogTransfer(CatalogService catalog, ItemRepository items, VariantRepository variants,
                    CategoryRepository categories, TaxCategoryRepository taxCategories, AuditLog auditLog) {
        this.catalog = catalog;
        this.items = items;
        this.variants = variants;
        this.categories = categories;
        this.taxCategories = taxCategories;
        this.auditLog = auditLog;
    }

    /** What importing {@code csv} would do; writes nothing (but may create the default tax categories). */
    @Transactional
    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
    public ImportPreview preview(byte[] csv) {
        TenantContext.requireTenant();
        return plan(csv).preview();
    }

    /** Imports {@code csv} in one transaction after checking it again; refuses it whole if any row is bad. */
    @Transactional
    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
    public ImportPreview apply(byte[] csv, String fileName) {
        TenantContext.requireTenant();
        Plan plan = plan(csv);
        ImportPreview preview = plan.preview();
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
                    parent = catalog.saveCategory(null, parentName, null).id();
                    created.put(parentName.toLowerCase(Locale.ROOT), parent);
                }
            }
            String key = path.toLowerCase(Locale.ROOT);
            if (!created.containsKey(key)) {
                created.put(key, catalog.saveCategory(null, parts[parts.length - 1].strip(), parent).id());
            }
        }
        for (Group group : plan.groups) {
            if (!group.changed()) {
                continue;
            }
            ItemForm form = group.form;
            if (group.newCategoryPath != null) {
                form = new ItemForm(form.name(), form.description(),
                        created.get(group.newCategoryPath.toLowerCase(Locale.ROOT)), form.taxCategoryId(), form.unit(),
                        form.active(), form.variants());
            }
            if (group.item == null) {
                catalog.createItem(form, plan.standardTax, "IMPORT");
            } else {
                catalog.updateItem(group.item, form, plan.standardTax, "IMPORT");
            }
        }
        auditLog.record(AuditEvent.of("catalog.imported", "Catalog", TenantContext.requireTenant())
                .detail("file", fileName).detail("rows", preview.rows())
                .detail("created", preview.creates().size()).detail("updated", preview.updates().size())
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
            for (List<String> row : (Iterable<List<String>>) () -> rows().iterator()) {
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
            Xlsx.write(out, "Catalog", COLUMNS, rows());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<List<String>> rows() {
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
                for (Variant v : variants.findByItemIdInAndDeletedFalse(batch.map(Item::getId).getContent())) {
                    byItem.computeIfAbsent(v.getItemId(), k -> new ArrayList<>()).add(v);
                }
            }
            for (Item item : batch) {
                List<Variant> own = byItem.getOrDefault(item.getId(), List.of());
                own.sort(Comparator.comparingInt(Variant::getPosition));
                for (Variant v : own) {
                    rows.add(Arrays.asList(item.getName(), v.getName(), v.getSku(), v.getBarcode(),
                            Money.of(v.getPriceMinor(), currency).toPlainString(),
                            v.getCostMinor() == null ? "" : Money.of(v.getCostMinor(), currency).toPlainString(),
                            item.getCategoryId() == null ? "" : categoryPaths.getOrDefault(item.getCategoryId(), ""),
                            item.getUnit(), taxNames.getOrDefault(item.getTaxCategoryId(), ""),
                            Boolean.toString(v.isActive() && item.isActive())));
                }
            }
        } while (batch.hasNext());
        return rows;
    }

    private Map<UUID, String> categoryPaths() {
        Map<UUID, Category> all = new HashMap<>();
        categories.findAll().forEach(c -> all.put(c.getId(), c));
        Map<UUID, String> paths = new HashMap<>();
        for (Category c : all.values()) {
            if (c.isDeleted()) {
                continue;
            }
            Category parent = c.getParentId() == null ? null : all.get(c.getParentId());
            paths.put(c.getId(), parent == null ? c.details().name() : parent.details().name() + " > "
                    + c.details().name());
        }
        return paths;
    }

    // ---- planning

    private record Parsed(int line, String itemName, String variantName, String sku, String barcode, long price,
                          Long cost, String category, String unit, String tax, Boolean active) {
    }

    /** The rows of one item, and the form that item would be saved with. */
    private static final class Group {
        Item item;
        ItemForm before;
        ItemForm form;
        String newCategoryPath;
        final List<Parsed> rows = new ArrayList<>();
        final Map<Integer, Integer> lineOfVariant = new HashMap<>();

        boolean changed() {
            return item == null || !form.equals(before) || newCategoryPath != null;
        }
    }

    private final class Plan {
        final List<ImportPreview.Problem> errors = new ArrayList<>();
        final List<Group> groups = new ArrayList<>();
        final Map<String, UUID> categoryIds = new HashMap<>();
        final List<String> newCategories = new ArrayList<>();
        UUID standardTax;
        int rows;
        /** Columns the file has; a column it leaves out keeps the catalog's values. */
        final Set<String> columns = new HashSet<>();

        ImportPreview preview() {
            List<ImportPreview.Line> creates = new ArrayList<>();
            List<ImportPreview.Line> updates = new ArrayList<>();
            int unchanged = 0;
            if (errors.isEmpty()) {
                Currency currency = catalog.currency();
                for (Group g : groups) {
                    Map<UUID, VariantForm> old = new HashMap<>();
                    if (g.before != null) {
                        g.before.variants().forEach(v -> old.put(v.id(), v));
                    }
                    for (int i = 0; i < g.form.variants().size(); i++) {
                        VariantForm v = g.form.variants().get(i);
                        Integer line = g.lineOfVariant.get(i);
                        if (line == null) {
                            continue;
                        }
                        if (v.id() == null) {
                            creates.add(new ImportPreview.Line(line, v.sku(), g.form.name(), g.item == null
                                    ? "new item" : "new variant"));
                        } else if (!v.equals(old.get(v.id())) || !sameItemFields(g)) {
                            VariantForm was = old.get(v.id());
                            String change = was.priceMinor() != v.priceMinor()
                                    ? Money.of(was.priceMinor(), currency).toPlainString() + " → "
                                    + Money.of(v.priceMinor(), currency).toPlainString()
                                    : "changed";
                            updates.add(new ImportPreview.Line(line, v.sku(), g.form.name(), change));
                        } else {
                            unchanged++;
                        }
                    }
                }
            }
            List<ImportPreview.Problem> sorted = new ArrayList<>(errors);
            sorted.sort(Comparator.comparingInt(ImportPreview.Problem::line));
            return new ImportPreview(rows, creates, updates, unchanged, List.copyOf(newCategories), sorted);
        }

        private boolean sameItemFields(Group g) {
            return g.before == null || Objects.equals(g.before.name(), g.form.name())
                    && Objects.equals(g.before.categoryId(), g.form.categoryId()) && g.newCategoryPath == null
                    && Objects.equals(g.before.taxCategoryId(), g.form.taxCategoryId())
                    && Objects.equals(g.before.unit(), g.form.unit());
        }
    }

    private Plan plan(byte[] csv) {
        Plan plan = new Plan();
        plan.standardTax = catalog.ensureTaxDefaults();
        if (csv == null || csv.length == 0) {
            plan.errors.add(new ImportPreview.Problem(1, "", "catalog.import.error.empty", ""));
            return plan;
        }
        if (csv.length > MAX_BYTES) {
            plan.errors.add(new ImportPreview.Problem(1, "", "catalog.import.error.size", ""));
            return plan;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(csv)).toString();
        } catch (CharacterCodingException e) {
            plan.errors.add(new ImportPreview.Problem(1, "", "catalog.import.error.encoding", ""));
            return plan;
        }
        List<Csv.Row> rows;
        try {
            rows = Csv.read(text);
        } catch (Csv.MalformedCsvException e) {
            plan.errors.add(new ImportPreview.Problem(e.line, "", "catalog.import.error.malformed", e.getMessage()));
            return plan;
        }
        if (rows.isEmpty()) {
            plan.errors.add(new ImportPreview.Problem(1, "", "catalog.import.error.empty", ""));
            return plan;
        }
        List<String> header = rows.getFirst().fields().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            if (!COLUMNS.contains(header.get(i))) {
                plan.errors.add(new ImportPreview.Problem(1, header.get(i), "catalog.import.error.column.unknown",
                        header.get(i)));
            } else if (index.putIfAbsent(header.get(i), i) != null) {
                plan.errors.add(new ImportPreview.Problem(1, header.get(i), "catalog.import.error.column.twice",
                        header.get(i)));
            }
        }
        for (String required : REQUIRED) {
            if (!index.containsKey(required)) {
                plan.errors.add(new ImportPreview.Problem(1, required, "catalog.import.error.column.missing",
                        required));
            }
        }
        if (!plan.errors.isEmpty()) {
            return plan;
        }
        plan.columns.addAll(index.keySet());
        List<Csv.Row> data = rows.subList(1, rows.size());
        plan.rows = data.size();
        if (data.size() > MAX_ROWS) {
            plan.errors.add(new ImportPreview.Problem(1, "", "catalog.import.error.rows", Integer.toString(MAX_ROWS)));
            return plan;
        }
        if (data.isEmpty()) {
            plan.errors.add(new ImportPreview.Problem(1, "", "catalog.import.error.empty", ""));
            return plan;
        }
        Currency currency = catalog.currency();
        Map<String, UUID> taxByName = new HashMap<>();
        taxCategories.findByDeletedFalseOrderByName().forEach(t -> taxByName.put(t.details().name()
                .toLowerCase(Locale.ROOT), t.getId()));
        Map<String, UUID> categoryByPath = new HashMap<>();
        categoryPaths().forEach((id, path) -> categoryByPath.put(path.toLowerCase(Locale.ROOT), id));
        plan.categoryIds.putAll(categoryByPath);

        List<Parsed> parsed = new ArrayList<>();
        Map<String, Integer> skuLines = new HashMap<>();
        Map<String, Integer> barcodeLines = new HashMap<>();
        for (Csv.Row row : data) {
            int before = plan.errors.size();
            if (row.fields().size() != header.size()) {
                plan.errors.add(new ImportPreview.Problem(row.line(), "", "catalog.import.error.fields",
                        Integer.toString(row.fields().size())));
                continue;
            }
            Function<String, String> get = column -> index.containsKey(column)
                    ? row.fields().get(index.get(column)).strip() : "";
            String itemName = get.apply("item_name");
            String sku = get.apply("sku");
            String barcode = get.apply("barcode");
            long price = 0;
            try {
                price = plainAmount(get.apply("price"), currency);
            } catch (IllegalArgumentException e) {
                plan.errors.add(new ImportPreview.Problem(row.line(), "price", "catalog.import.error.price",
                        get.apply("price")));
            }
            Long cost = null;
            if (!get.apply("cost").isEmpty()) {
                try {
                    cost = plainAmount(get.apply("cost"), currency);
                } catch (IllegalArgumentException e) {
                    plan.errors.add(new ImportPreview.Problem(row.line(), "cost", "catalog.import.error.price",
                            get.apply("cost")));
                }
            }
            Boolean active = null;
            String activeText = get.apply("active").toLowerCase(Locale.ROOT);
            if (!activeText.isEmpty()) {
                active = switch (activeText) {
                    case "true", "yes", "ya", "1", "y" -> true;
                    case "false", "no", "tidak", "0", "n" -> false;
                    default -> {
                        plan.errors.add(new ImportPreview.Problem(row.line(), "active",
                                "catalog.import.error.active", activeText));
                        yield null;
                    }
                };
            }
            String category = get.apply("category");
            if (!category.isEmpty()) {
                String[] parts = category.split(">");
                if (parts.length > 2 || Arrays.stream(parts).anyMatch(String::isBlank)) {
                    plan.errors.add(new ImportPreview.Problem(row.line(), "category",
                            "catalog.import.error.category", category));
                } else {
                    category = parts.length == 1 ? parts[0].strip() : parts[0].strip() + " > " + parts[1].strip();
                }
            }
            String tax = get.apply("tax_category");
            if (!tax.isEmpty() && !taxByName.containsKey(tax.toLowerCase(Locale.ROOT))) {
                plan.errors.add(new ImportPreview.Problem(row.line(), "tax_category", "catalog.error.tax.unknown",
                        tax));
            }
            if (!sku.isEmpty()) {
                Integer first = skuLines.putIfAbsent(sku.toLowerCase(Locale.ROOT), row.line());
                if (first != null) {
                    plan.errors.add(new ImportPreview.Problem(row.line(), "sku", "catalog.import.error.sku.repeated",
                            sku));
                }
            }
            if (!barcode.isEmpty()) {
                Integer first = barcodeLines.putIfAbsent(barcode, row.line());
                if (first != null) {
                    plan.errors.add(new ImportPreview.Problem(row.line(), "barcode",
                            "catalog.import.error.barcode.repeated", barcode));
                }
            }
            if (plan.errors.size() == before) {
                parsed.add(new Parsed(row.line(), itemName, get.apply("variant_name"), sku, barcode, price, cost,
                        category, get.apply("unit"), tax, active));
            }
        }

        // Which variant and item each row is.
        Map<String, Variant> existing = new HashMap<>();
        List<String> skus = parsed.stream().filter(p -> !p.sku().isEmpty())
                .map(p -> p.sku().toLowerCase(Locale.ROOT)).toList();
        for (int from = 0; from < skus.size(); from += 1000) {
            variants.findBySkus(skus.subList(from, Math.min(skus.size(), from + 1000)))
                    .forEach(v -> existing.put(v.getSku().toLowerCase(Locale.ROOT), v));
        }
        Map<String, List<Item>> itemsByName = new HashMap<>();
        List<String> names = parsed.stream().map(p -> p.itemName().toLowerCase(Locale.ROOT)).distinct().toList();
        for (int from = 0; from < names.size(); from += 1000) {
            items.findByNames(names.subList(from, Math.min(names.size(), from + 1000)))
                    .forEach(i -> itemsByName.computeIfAbsent(i.getName().toLowerCase(Locale.ROOT),
                            k -> new ArrayList<>()).add(i));
        }
        Map<Object, Group> groups = new LinkedHashMap<>();
        for (Parsed p : parsed) {
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
            Group group = groups.computeIfAbsent(key, k -> new Group());
            if (key instanceof UUID id && group.item == null) {
                group.item = item != null ? item : items.findById(id).orElseThrow();
            }
            group.rows.add(p);
        }
        for (Group group : groups.values()) {
            buildForm(plan, group, existing, taxByName, categoryByPath);
            plan.groups.add(group);
        }
        return plan;
    }

    private void buildForm(Plan plan, Group group, Map<String, Variant> existing, Map<String, UUID> taxByName,
                           Map<String, UUID> categoryByPath) {
        Parsed first = group.rows.getFirst();
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
        for (Parsed p : group.rows) {
            if (!p.itemName().equals(name)) {
                plan.errors.add(new ImportPreview.Problem(p.line(), "item_name", "catalog.import.error.item.conflict",
                        p.itemName()));
            }
            if (!p.unit().isEmpty() && !p.unit().equals(unit)) {
                plan.errors.add(new ImportPreview.Problem(p.line(), "unit", "catalog.import.error.item.conflict",
                        p.unit()));
            }
        }
        String categoryText = group.rows.stream().map(Parsed::category).filter(c -> !c.isEmpty()).findFirst()
                .orElse(null);
        if (categoryText != null) {
            for (Parsed p : group.rows) {
                if (!p.category().isEmpty() && !p.category().equalsIgnoreCase(categoryText)) {
                    plan.errors.add(new ImportPreview.Problem(p.line(), "category",
                            "catalog.import.error.item.conflict", p.category()));
                }
            }
            UUID known = categoryByPath.get(categoryText.toLowerCase(Locale.ROOT));
            if (known != null) {
                categoryId = known;
            } else {
                categoryId = null;
                group.newCategoryPath = categoryText;
                if (plan.newCategories.stream().noneMatch(c -> c.equalsIgnoreCase(categoryText))) {
                    plan.newCategories.add(categoryText);
                }
            }
        }
        String taxText = group.rows.stream().map(Parsed::tax).filter(t -> !t.isEmpty()).findFirst().orElse(null);
        if (taxText != null) {
            taxId = taxByName.get(taxText.toLowerCase(Locale.ROOT));
        }
        for (Parsed p : group.rows) {
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
                forms.set(at, new VariantForm(was.id(),
                        plan.columns.contains("variant_name") ? p.variantName() : was.name(), p.sku(),
                        plan.columns.contains("barcode") ? barcode : was.barcode(), p.price(),
                        plan.columns.contains("cost") ? p.cost() : was.costMinor(), active));
                group.lineOfVariant.put(at, p.line());
            } else {
                forms.add(new VariantForm(null, p.variantName(), p.sku(), barcode, p.price(), p.cost(), active));
                group.lineOfVariant.put(forms.size() - 1, p.line());
            }
        }
        group.form = new ItemForm(name, group.before == null ? null : group.before.description(), categoryId, taxId,
                unit, itemActive, forms);
        for (CatalogProblem problem : catalog.problems(group.form, group.item == null ? null : group.item.getId())) {
            int line = first.line();
            String column = problem.field();
            Matcher m = Pattern.compile("variants\\[(\\d+)]\\.?(.*)")
                    .matcher(problem.field());
            if (m.matches()) {
                line = group.lineOfVariant.getOrDefault(Integer.parseInt(m.group(1)), first.line());
                column = m.group(2).isEmpty() ? "sku" : m.group(2);
            }
            plan.errors.add(new ImportPreview.Problem(line, column, problem.messageKey(), ""));
        }
    }

    /** A price or cost cell: a plain amount of zero or more ({@code 15000}, {@code 12.50}). */
    private static long plainAmount(String text, Currency currency) {
        Money amount = Money.parsePlain(text, currency);
        if (amount.isNegative()) {
            throw new IllegalArgumentException("negative amount");
        }
        return amount.minor();
    }
}

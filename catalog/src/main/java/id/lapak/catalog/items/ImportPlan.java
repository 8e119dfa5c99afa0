package id.lapak.catalog.items;

import id.lapak.tenant.money.Money;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What an import would do, worked out before anything is written: the file's items as groups of rows with the form
 * each would be saved with, the categories to create, every problem by line, and the preview a person confirms.
 */
final class ImportPlan {

    /** The rows of one item, and the form that item would be saved with. */
    static final class Group {
        Item item;
        ItemForm before;
        ItemForm form;
        String newCategoryPath;
        final List<ImportRows.Row> rows = new ArrayList<>();
        final Map<Integer, Integer> lineOfVariant = new HashMap<>();

        boolean changed() {
            return item == null || !form.equals(before) || newCategoryPath != null;
        }
    }

    final List<ImportPreview.Problem> errors = new ArrayList<>();
    final List<Group> groups = new ArrayList<>();
    final Map<String, UUID> categoryIds = new HashMap<>();
    final List<String> newCategories = new ArrayList<>();
    UUID standardTax;
    int rows;
    /** Columns the file has; a column it leaves out keeps the catalog's values. */
    final Set<String> columns = new HashSet<>();

    ImportPreview preview(Currency currency) {
        List<ImportPreview.Line> creates = new ArrayList<>();
        List<ImportPreview.Line> updates = new ArrayList<>();
        int unchanged = 0;
        if (errors.isEmpty()) {
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
                        creates.add(new ImportPreview.Line(
                                line, v.sku(), g.form.name(), g.item == null ? "new item" : "new variant"));
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
        return g.before == null
                || Objects.equals(g.before.name(), g.form.name())
                        && Objects.equals(g.before.categoryId(), g.form.categoryId())
                        && g.newCategoryPath == null
                        && Objects.equals(g.before.taxCategoryId(), g.form.taxCategoryId())
                        && Objects.equals(g.before.unit(), g.form.unit());
    }
}

package id.lapak.inventory;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import id.lapak.catalog.items.CatalogProblem;
import id.lapak.catalog.items.CategoryDetails;
import id.lapak.catalog.items.ItemForm;
import id.lapak.catalog.items.TaxCategoryDetails;
import id.lapak.catalog.items.VariantForm;
import id.lapak.tenant.money.Money;
import id.lapak.tenant.money.MoneyFormatException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The item form over an {@link ItemForm} record, with one row per variant. Amounts are typed as people write them
 * in their language ({@code 15.000} in Indonesian, {@code 15,000} in English); the catalog's rules come back as
 * problems and are shown, translated, on the field concerned.
 */
class ItemEditor extends Composite<VerticalLayout> {

    final TextField name = new TextField();
    final TextArea description = new TextArea();
    final ComboBox<CategoryDetails> category = new ComboBox<>();
    final ComboBox<TaxCategoryDetails> tax = new ComboBox<>();
    final TextField unit = new TextField();
    final Checkbox active = new Checkbox();
    final List<VariantRow> rows = new ArrayList<>();
    private final VerticalLayout variantList = new VerticalLayout();
    private final Button addVariant;
    private final Currency currency;
    private final boolean showsCosts;
    private boolean readOnly;

    /** One variant's fields; {@code id} is null for a variant not saved yet. */
    final class VariantRow extends HorizontalLayout {
        final UUID id;
        final TextField variantName = new TextField();
        final TextField sku = new TextField();
        final TextField barcode = new TextField();
        final TextField price = new TextField();
        final TextField cost = new TextField();
        final Checkbox variantActive = new Checkbox();
        final Button remove = new Button(VaadinIcon.TRASH.create());

        VariantRow(VariantForm form) {
            this.id = form.id();
            int index = rows.size();
            variantName.setId("variant-name-" + index);
            sku.setId("variant-sku-" + index);
            barcode.setId("variant-barcode-" + index);
            price.setId("variant-price-" + index);
            cost.setId("variant-cost-" + index);
            variantName.setLabel(getTranslation("inventory.variant.name"));
            sku.setLabel(getTranslation("inventory.variant.sku"));
            barcode.setLabel(getTranslation("inventory.variant.barcode"));
            price.setLabel(getTranslation("inventory.variant.price", currency.getCurrencyCode()));
            cost.setLabel(getTranslation("inventory.variant.cost", currency.getCurrencyCode()));
            variantActive.setLabel(getTranslation("inventory.variant.active"));
            sku.setRequired(true);
            price.setRequired(true);
            variantName.setWidth("8em");
            sku.setWidth("9em");
            barcode.setWidth("10em");
            price.setWidth("9em");
            cost.setWidth("9em");
            variantName.setValue(nullToEmpty(form.name()));
            sku.setValue(nullToEmpty(form.sku()));
            barcode.setValue(nullToEmpty(form.barcode()));
            price.setValue(form.sku() == null && form.priceMinor() == 0 ? "" : amount(form.priceMinor()));
            cost.setValue(form.costMinor() == null ? "" : amount(form.costMinor()));
            variantActive.setValue(form.active());
            cost.setVisible(showsCosts);
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel(getTranslation("inventory.variant.remove"));
            remove.addClickListener(e -> {
                rows.remove(this);
                variantList.remove(this);
            });
            setAlignItems(FlexComponent.Alignment.BASELINE);
            setWrap(true);
            add(variantName, sku, barcode, price, cost, variantActive, remove);
        }

        void setEditable(boolean editable) {
            for (var field : List.of(variantName, sku, barcode, price, cost)) {
                field.setReadOnly(!editable);
            }
            variantActive.setReadOnly(!editable);
            remove.setVisible(editable);
        }
    }

    /** {@code showsCosts}: cost prices (margins) are for admins and managers, not for a cashier reading items. */
    ItemEditor(
            Currency currency, List<CategoryDetails> categories, List<TaxCategoryDetails> taxes, boolean showsCosts) {
        this.currency = currency;
        this.showsCosts = showsCosts;
        name.setId("item-name");
        description.setId("item-description");
        category.setId("item-category");
        tax.setId("item-tax");
        unit.setId("item-unit");
        active.setId("item-active");
        // No maxLength: a browser would cut pasted text silently. Too long is a message on the field from the
        // catalog's rules, like every other problem; the helper text says the limit up front.
        name.setRequired(true);
        name.setHelperText(getTranslation("field.limit", ItemForm.NAME_MAX));
        unit.setRequired(true);
        unit.setHelperText(getTranslation("field.limit", ItemForm.UNIT_MAX));
        description.setHelperText(getTranslation("field.limit", ItemForm.DESCRIPTION_MAX));
        category.setItems(categories);
        category.setItemLabelGenerator(c -> label(c, categories));
        category.setClearButtonVisible(true);
        tax.setItems(taxes);
        tax.setItemLabelGenerator(t -> t.name() + " · "
                + getTranslation(
                        "inventory.tax." + t.kind().name(),
                        t.rate() == null ? "" : t.rate().stripTrailingZeros().toPlainString()));
        active.setLabel(getTranslation("inventory.field.active"));

        FormLayout form = new FormLayout();
        form.addFormItem(name, getTranslation("inventory.field.name"));
        form.addFormItem(unit, getTranslation("inventory.field.unit"));
        form.addFormItem(category, getTranslation("inventory.field.category"));
        form.addFormItem(tax, getTranslation("inventory.field.tax"));
        form.addFormItem(description, getTranslation("inventory.field.description"));
        form.add(active);

        variantList.setPadding(false);
        variantList.setSpacing(false);
        addVariant = new Button(
                getTranslation("inventory.variant.add"),
                VaadinIcon.PLUS.create(),
                e -> addRow(new VariantForm(null, "", null, null, 0, null, true)));
        addVariant.setId("add-variant");
        getContent().setPadding(false);
        getContent().add(form, new H4(getTranslation("inventory.variants")), variantList, addVariant);
    }

    void read(ItemForm form, UUID defaultTax) {
        name.setValue(nullToEmpty(form.name()));
        description.setValue(nullToEmpty(form.description()));
        unit.setValue(nullToEmpty(form.unit()));
        active.setValue(form.active());
        category.getListDataView()
                .getItems()
                .filter(c -> c.id().equals(form.categoryId()))
                .findFirst()
                .ifPresentOrElse(category::setValue, category::clear);
        UUID taxId = form.taxCategoryId() == null ? defaultTax : form.taxCategoryId();
        tax.getListDataView()
                .getItems()
                .filter(t -> t.id().equals(taxId))
                .findFirst()
                .ifPresent(tax::setValue);
        rows.clear();
        variantList.removeAll();
        form.variants().forEach(this::addRow);
        if (form.variants().isEmpty()) {
            addRow(new VariantForm(null, "", null, null, 0, null, true));
        }
    }

    private void addRow(VariantForm form) {
        VariantRow row = new VariantRow(form);
        row.setEditable(!readOnly);
        rows.add(row);
        variantList.add(row);
    }

    void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
        for (var field : List.of(name, unit)) {
            field.setReadOnly(readOnly);
        }
        description.setReadOnly(readOnly);
        category.setReadOnly(readOnly);
        tax.setReadOnly(readOnly);
        active.setReadOnly(readOnly);
        addVariant.setVisible(!readOnly);
        rows.forEach(r -> r.setEditable(!readOnly));
    }

    /**
     * The form as entered. {@code amountsRead} is false when a price or cost could not be read (its field already
     * says why); the form then carries 0 or no amount there, so that the rest of it can still be checked.
     */
    record Written(ItemForm form, boolean amountsRead) {}

    Written write() {
        clearErrors();
        boolean ok = true;
        List<VariantForm> variants = new ArrayList<>();
        Locale locale = getLocale();
        for (VariantRow row : rows) {
            Long price = null;
            Long cost = null;
            try {
                price = Money.parse(row.price.getValue(), currency, locale).minor();
            } catch (MoneyFormatException e) {
                invalid(row.price, e.messageKey());
                ok = false;
            }
            if (!row.cost.getValue().isBlank()) {
                try {
                    cost = Money.parse(row.cost.getValue(), currency, locale).minor();
                } catch (MoneyFormatException e) {
                    invalid(row.cost, e.messageKey());
                    ok = false;
                }
            }
            variants.add(new VariantForm(
                    row.id,
                    row.variantName.getValue(),
                    row.sku.getValue(),
                    row.barcode.getValue(),
                    price == null ? 0 : price,
                    cost,
                    row.variantActive.getValue()));
        }
        return new Written(
                new ItemForm(
                        name.getValue(),
                        description.getValue(),
                        category.getValue() == null ? null : category.getValue().id(),
                        tax.getValue() == null ? null : tax.getValue().id(),
                        unit.getValue(),
                        active.getValue(),
                        variants),
                ok);
    }

    /** Shows the catalog's problems next to their fields; returns those that have no field here. */
    List<CatalogProblem> show(List<CatalogProblem> problems) {
        List<CatalogProblem> unplaced = new ArrayList<>();
        for (CatalogProblem problem : problems) {
            HasValidation field = field(problem.field());
            if (field == null) {
                unplaced.add(problem);
            } else {
                invalid(field, problem.messageKey());
            }
        }
        return unplaced;
    }

    private HasValidation field(String name) {
        Matcher m = Pattern.compile("variants\\[(\\d+)]\\.(\\w+)").matcher(name);
        if (m.matches()) {
            int index = Integer.parseInt(m.group(1));
            if (index >= rows.size()) {
                return null;
            }
            VariantRow row = rows.get(index);
            return switch (m.group(2)) {
                case "sku" -> row.sku;
                case "barcode" -> row.barcode;
                case "price" -> row.price;
                case "cost" -> row.cost;
                case "name" -> row.variantName;
                default -> null;
            };
        }
        return switch (name) {
            case "name" -> this.name;
            case "unit" -> unit;
            case "description" -> description;
            case "categoryId" -> category;
            case "taxCategoryId" -> tax;
            default -> null;
        };
    }

    private void invalid(HasValidation field, String key) {
        field.setErrorMessage(getTranslation(key));
        field.setInvalid(true);
    }

    private void clearErrors() {
        for (HasValidation field : List.<HasValidation>of(name, unit, description, category, tax)) {
            field.setInvalid(false);
        }
        for (VariantRow row : rows) {
            for (var field : List.of(row.variantName, row.sku, row.barcode, row.price, row.cost)) {
                field.setInvalid(false);
            }
        }
    }

    private String amount(long minor) {
        return Money.of(minor, currency).formatNumber(getLocale());
    }

    private static String label(CategoryDetails c, List<CategoryDetails> all) {
        if (c.parentId() == null) {
            return c.name();
        }
        return all.stream()
                .filter(p -> p.id().equals(c.parentId()))
                .findFirst()
                .map(p -> p.name() + " › " + c.name())
                .orElse(c.name());
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}

package id.lapak.inventory;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import id.lapak.catalog.items.CatalogNotFoundException;
import id.lapak.catalog.items.CatalogProblem;
import id.lapak.catalog.items.InvalidCatalogException;
import id.lapak.catalog.items.TaxCategoryDetails;
import id.lapak.catalog.items.TaxCategoryService;
import id.lapak.catalog.items.TaxKind;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.List;

/**
 * The tenant's tax categories: a list, and a form below it to add one or change the one clicked. A standard category
 * is taxed at each store's own rate (kept with the store), an exempt one not at all, a custom one at its own rate.
 * There is no delete: the catalog service has none, and items and past sales refer to their category.
 */
class TaxCategoriesDialog extends Dialog {

    private final TaxCategoryService taxes;
    private final Runnable changed;
    final Grid<TaxCategoryDetails> grid = new Grid<>();
    final TextField name = new TextField();
    final Select<TaxKind> kind = new Select<>();
    final BigDecimalField rate = new BigDecimalField();
    private final H4 formTitle = new H4();
    private TaxCategoryDetails editing;

    TaxCategoriesDialog(TaxCategoryService taxes, Runnable changed) {
        this.taxes = taxes;
        this.changed = changed;
        setId("tax-dialog");
        setWidth("min(44em, 95vw)");
        setHeaderTitle(getTranslation("inventory.taxes.title"));

        grid.setId("tax-grid");
        grid.setAllRowsVisible(true);
        grid.addColumn(TaxCategoryDetails::name)
                .setHeader(getTranslation("inventory.taxes.name"))
                .setFlexGrow(2);
        grid.addColumn(t -> getTranslation("inventory.taxes.kind." + t.kind().name()))
                .setHeader(getTranslation("inventory.taxes.kind"));
        grid.addColumn(this::rateText).setHeader(getTranslation("inventory.taxes.rate"));
        grid.addItemClickListener(e -> edit(e.getItem()));

        name.setId("tax-name");
        name.setRequired(true);
        name.setMaxLength(60);
        kind.setId("tax-kind");
        kind.setItems(TaxKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("inventory.taxes.kind." + k.name()));
        kind.addValueChangeListener(e -> {
            boolean custom = e.getValue() == TaxKind.CUSTOM;
            rate.setEnabled(custom);
            if (!custom) {
                rate.clear();
                rate.setInvalid(false);
            }
        });
        rate.setId("tax-rate");
        // The catalog's rule decides (0-100, two decimals); an unreadable entry reaches it as no rate.
        rate.setManualValidation(true);
        rate.setSuffixComponent(new Span("%"));
        rate.setHelperText(getTranslation("inventory.taxes.rate.help"));

        FormLayout form = new FormLayout();
        form.addFormItem(name, getTranslation("inventory.taxes.name"));
        form.addFormItem(kind, getTranslation("inventory.taxes.kind"));
        form.addFormItem(rate, getTranslation("inventory.taxes.rate"));

        VerticalLayout content =
                new VerticalLayout(grid, new Paragraph(getTranslation("inventory.taxes.help")), formTitle, form);
        content.setPadding(false);
        add(content);

        Button add = new Button(getTranslation("inventory.taxes.new"), VaadinIcon.PLUS.create(), e -> edit(null));
        add.setId("tax-new");
        Button close = new Button(getTranslation("inventory.close"), e -> close());
        close.setId("tax-close");
        Button save = new Button(getTranslation("inventory.save"), e -> save());
        save.setId("tax-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(add, close, save);

        refresh();
        edit(null);
    }

    private void refresh() {
        grid.setItems(taxes.taxCategories());
    }

    /** Fills the form with a category to change, or empties it for a new one ({@code null}). */
    void edit(TaxCategoryDetails tax) {
        editing = tax;
        formTitle.setText(
                tax == null
                        ? getTranslation("inventory.taxes.new")
                        : getTranslation("inventory.taxes.edit", tax.name()));
        name.setValue(tax == null ? "" : tax.name());
        kind.setValue(tax == null ? TaxKind.CUSTOM : tax.kind());
        rate.setValue(tax == null ? null : tax.rate());
        clearErrors(); // after the values: emptying a required field must not greet the next entry with an error
    }

    private void save() {
        clearErrors();
        TaxKind chosen = kind.getValue();
        BigDecimal value = chosen == TaxKind.CUSTOM ? rate.getValue() : null;
        try {
            TaxCategoryDetails saved =
                    taxes.saveTaxCategory(editing == null ? null : editing.id(), name.getValue(), chosen, value);
            refresh();
            changed.run();
            InventoryView.success(getTranslation("inventory.taxes.saved", saved.name()));
            edit(null);
        } catch (InvalidCatalogException e) {
            for (CatalogProblem problem : e.problems()) {
                HasValidation field = switch (problem.field()) {
                    case "kind" -> kind;
                    case "rate" -> rate;
                    default -> name;
                };
                field.setErrorMessage(getTranslation(problem.messageKey()));
                field.setInvalid(true);
            }
        } catch (CatalogNotFoundException e) {
            refresh();
            edit(null);
            InventoryView.failure(getTranslation("inventory.taxes.notFound"));
        }
    }

    private void clearErrors() {
        for (HasValidation field : List.<HasValidation>of(name, kind, rate)) {
            field.setInvalid(false);
        }
    }

    private String rateText(TaxCategoryDetails tax) {
        return switch (tax.kind()) {
            case STANDARD -> getTranslation("inventory.taxes.rate.store");
            case EXEMPT -> percent(BigDecimal.ZERO);
            case CUSTOM -> tax.rate() == null ? "" : percent(tax.rate());
        };
    }

    private String percent(BigDecimal value) {
        NumberFormat format = NumberFormat.getNumberInstance(getLocale());
        format.setMaximumFractionDigits(2);
        return format.format(value) + " %";
    }
}

package id.lapak.stock;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import id.lapak.catalog.items.CatalogService;
import id.lapak.catalog.items.VariantSummary;
import id.lapak.catalog.stock.AdjustmentReason;
import id.lapak.catalog.stock.StockLevel;
import id.lapak.catalog.stock.StockQuantity;
import id.lapak.catalog.stock.StockService;
import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.store.StoreDetails;
import id.lapak.tenant.store.StoreService;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;

/** Stock by store, lazily; adjust a level, set its threshold, receive goods, count a store. */
@Route("stock")
@PageTitle("Lapak · Inventory")
@RolesAllowed({"MERCHANT_ADMIN", "STORE_MANAGER"})
class StockView extends InventoryPage {

    private final StockService stock;
    private final StoreService stores;
    private final CatalogService catalog;
    private final Grid<StockLevel> grid = new Grid<>();

    StockView(StockService stock, StoreService stores, CatalogService catalog) {
        super("stock.stock.title");
        this.stock = stock;
        this.stores = stores;
        this.catalog = catalog;
        setId("stock-levels");

        ComboBox<StoreDetails> store = storePicker(stores, "stock.field.store");
        store.setId("stock-store");
        store.setClearButtonVisible(true);
        Checkbox below = new Checkbox(getTranslation("stock.stock.belowOnly"));
        below.setId("stock-below-only");
        Checkbox negative = new Checkbox(getTranslation("stock.stock.negativeOnly"));
        negative.setId("stock-negative-only");
        store.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        below.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        negative.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        Button receive = new Button(getTranslation("stock.receive"), VaadinIcon.TRUCK.create(), e -> receive());
        receive.setId("stock-receive");
        receive.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button count = new Button(
                getTranslation("stock.count.new"),
                VaadinIcon.CLIPBOARD_CHECK.create(),
                e -> CountsView.openCount(this, stock, stores, catalog, grid.getDataProvider()::refreshAll));
        count.setId("stock-count");
        boolean changes = CurrentUser.require().mayChange(Role.MERCHANT_ADMIN, Role.STORE_MANAGER);
        receive.setVisible(changes);
        count.setVisible(changes);
        HorizontalLayout toolbar = new HorizontalLayout(store, below, negative, receive, count);
        toolbar.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        toolbar.setWidthFull();

        grid.setId("stock-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(StockLevel::storeName).setHeader(getTranslation("stock.column.store"));
        grid.addColumn(l -> variantLabel(l.variantName(), l.variantId()))
                .setHeader(getTranslation("stock.column.item"))
                .setFlexGrow(2);
        grid.addColumn(StockLevel::sku).setHeader(getTranslation("stock.column.sku"));
        grid.addColumn(StockLevel::onHand).setHeader(getTranslation("stock.column.onHand"));
        grid.addColumn(l -> l.threshold() == null ? "" : String.valueOf(l.threshold()))
                .setHeader(getTranslation("stock.column.threshold"));
        grid.addComponentColumn(l -> {
                    Span badge = new Span(getTranslation(
                            l.negative()
                                    ? "stock.status.negative"
                                    : l.belowThreshold() ? "stock.status.low" : "stock.status.ok"));
                    badge.addClassNames("lapak-status", l.negative() || l.belowThreshold() ? "inactive" : "active");
                    return badge;
                })
                .setHeader(getTranslation("stock.column.status"));
        grid.setEmptyStateText(getTranslation("stock.stock.empty"));
        grid.setItemsPageable(pageable -> stock.levels(
                        store.getValue() == null ? null : store.getValue().id(),
                        below.getValue(),
                        negative.getValue(),
                        pageable)
                .getContent());
        grid.addItemClickListener(e -> edit(e.getItem()));

        add(toolbar, grid);
    }

    private void edit(StockLevel level) {
        Dialog dialog = new Dialog();
        dialog.setId("stock-level-dialog");
        dialog.setHeaderTitle(variantLabel(level.variantName(), level.variantId()) + " · " + level.storeName());
        Span onHand = new Span(getTranslation("stock.onHand", level.onHand()));

        IntegerField quantity = new IntegerField(getTranslation("stock.field.adjustBy"));
        quantity.setId("adjust-quantity");
        quantity.setStepButtonsVisible(true);
        ComboBox<AdjustmentReason> reason = new ComboBox<>(getTranslation("stock.field.reason"));
        reason.setId("adjust-reason");
        reason.setItems(AdjustmentReason.values());
        reason.setItemLabelGenerator(r -> getTranslation("stock.reason." + r.name()));
        TextField note = new TextField(getTranslation("stock.field.note"));
        note.setId("adjust-note");
        note.setMaxLength(500);
        Button adjust = new Button(getTranslation("stock.adjust"), e -> {
            if (quantity.getValue() == null || quantity.getValue() == 0) {
                quantity.setInvalid(true);
                quantity.setErrorMessage(getTranslation("stock.error.quantity.range"));
                return;
            }
            if (attempt(() -> stock.adjust(
                    level.storeId(), level.variantId(), quantity.getValue(), reason.getValue(), note.getValue()))) {
                dialog.close();
                grid.getDataProvider().refreshAll();
                success(getTranslation("stock.adjusted"));
            }
        });
        adjust.setId("adjust-save");
        adjust.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        IntegerField threshold = new IntegerField(getTranslation("stock.field.threshold"));
        threshold.setId("threshold");
        threshold.setMin(0);
        threshold.setValue(level.threshold());
        threshold.setHelperText(getTranslation("stock.threshold.help"));
        Button saveThreshold = new Button(getTranslation("stock.threshold.save"), e -> {
            if (attempt(() -> stock.setThreshold(level.storeId(), level.variantId(), threshold.getValue()))) {
                dialog.close();
                grid.getDataProvider().refreshAll();
                success(getTranslation("stock.threshold.saved"));
            }
        });
        saveThreshold.setId("threshold-save");

        FormLayout adjustForm = new FormLayout(quantity, reason, note);
        dialog.add(new VerticalLayout(onHand, adjustForm, adjust, new HorizontalLayout(threshold, saveThreshold)));
        Button close = new Button(getTranslation("stock.close"), e -> dialog.close());
        dialog.getFooter().add(close);
        dialog.open();
    }

    private void receive() {
        Dialog dialog = new Dialog();
        dialog.setId("receive-dialog");
        dialog.setHeaderTitle(getTranslation("stock.receive"));
        ComboBox<StoreDetails> store = activeStorePicker(stores, "stock.field.store");
        store.setId("receive-store");
        TextField reference = new TextField(getTranslation("stock.field.supplierReference"));
        reference.setId("receive-reference");
        reference.setMaxLength(500);
        LineEditor lines = new LineEditor(this, catalog, "stock.field.quantity", 1);
        Button save = new Button(getTranslation("stock.receive.save"), e -> {
            if (store.getValue() == null) {
                store.setInvalid(true);
                store.setErrorMessage(getTranslation("stock.error.store.required"));
                return;
            }
            if (!lines.validate()) {
                return;
            }
            List<StockQuantity> entered = lines.quantities();
            if (entered.isEmpty()) {
                error("stock.error.lines.empty");
                return;
            }
            if (attempt(() -> stock.receive(store.getValue().id(), entered, reference.getValue()))) {
                dialog.close();
                grid.getDataProvider().refreshAll();
                success(getTranslation("stock.received"));
            }
        });
        save.setId("receive-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(new FormLayout(store, reference), lines));
        dialog.getFooter().add(new Button(getTranslation("stock.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    /** Rows of variant + quantity, for receipts, transfers and counts. */
    static class LineEditor extends VerticalLayout {
        private final List<Row> rows = new ArrayList<>();
        private final InventoryPage page;
        private final CatalogService catalog;
        private final String quantityKey;
        private final int min;

        private record Row(ComboBox<VariantSummary> variant, IntegerField quantity) {}

        LineEditor(InventoryPage page, CatalogService catalog, String quantityKey, int min) {
            this.page = page;
            this.catalog = catalog;
            this.quantityKey = quantityKey;
            this.min = min;
            setPadding(false);
            Button more = new Button(page.getTranslation("stock.line.add"), VaadinIcon.PLUS.create(), e -> addRow());
            more.setId("line-add");
            add(more);
            addRow();
        }

        private void addRow() {
            ComboBox<VariantSummary> variant = page.variantPicker(catalog, "stock.field.item");
            variant.setId("line-variant-" + rows.size());
            variant.setWidth("22em");
            IntegerField quantity = new IntegerField(page.getTranslation(quantityKey));
            quantity.setId("line-quantity-" + rows.size());
            quantity.setMin(min);
            rows.add(new Row(variant, quantity));
            addComponentAtIndex(getComponentCount() - 1, new HorizontalLayout(variant, quantity));
        }

        /**
         * Marks every incomplete row at once (an item without a quantity, a quantity below the minimum, a quantity
         * without an item) and clears the marks of rows that are fine; true when nothing is marked.
         */
        boolean validate() {
            boolean valid = true;
            for (Row row : rows) {
                ComboBox<VariantSummary> variant = row.variant();
                IntegerField quantity = row.quantity();
                variant.setInvalid(false);
                quantity.setInvalid(false);
                if (variant.getValue() == null && quantity.getValue() == null) {
                    continue;
                }
                if (variant.getValue() == null) {
                    variant.setErrorMessage(page.getTranslation("stock.error.line.item"));
                    variant.setInvalid(true);
                    valid = false;
                }
                if (quantity.getValue() == null || quantity.getValue() < min || quantity.getValue() > 1_000_000) {
                    quantity.setErrorMessage(page.getTranslation("stock.error.line.quantity", min));
                    quantity.setInvalid(true);
                    valid = false;
                }
            }
            return valid;
        }

        /** The complete rows, in order; call {@link #validate()} first. */
        List<StockQuantity> quantities() {
            List<StockQuantity> out = new ArrayList<>();
            for (Row row : rows) {
                if (row.variant().getValue() != null && row.quantity().getValue() != null) {
                    out.add(new StockQuantity(
                            row.variant().getValue().variantId(), row.quantity().getValue()));
                }
            }
            return out;
        }
    }
}

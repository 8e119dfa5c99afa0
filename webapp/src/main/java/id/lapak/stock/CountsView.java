package id.lapak.stock;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import id.lapak.catalog.items.CatalogService;
import id.lapak.catalog.stock.StockCount;
import id.lapak.catalog.stock.StockQuantity;
import id.lapak.catalog.stock.StockService;
import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.store.StoreDetails;
import id.lapak.tenant.store.StoreService;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/** Stock counts: enter counted quantities for a store; each difference becomes a COUNT movement. */
@Route("stock/counts")
@PageTitle("Lapak · Stock counts")
@RolesAllowed({"MERCHANT_ADMIN", "STORE_MANAGER"})
class CountsView extends InventoryPage {

    CountsView(StockService stock, StoreService stores, CatalogService catalog) {
        super("stock.counts.title");
        setId("stock-counts");
        Grid<StockCount> grid = new Grid<>();
        Button count = new Button(
                getTranslation("stock.count.new"),
                VaadinIcon.CLIPBOARD_CHECK.create(),
                e -> openCount(this, stock, stores, catalog, grid.getDataProvider()::refreshAll));
        count.setId("counts-new");
        count.setVisible(CurrentUser.require().mayChange(Role.MERCHANT_ADMIN, Role.STORE_MANAGER));
        count.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        grid.setId("counts-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(c -> time(c.countedAt())).setHeader(getTranslation("stock.column.time"));
        grid.addColumn(StockCount::storeName).setHeader(getTranslation("stock.column.store"));
        grid.addColumn(StockCount::countedBy).setHeader(getTranslation("stock.column.by"));
        grid.addColumn(c -> c.note() == null ? "" : c.note())
                .setHeader(getTranslation("stock.column.note"))
                .setFlexGrow(2);
        grid.setEmptyStateText(getTranslation("stock.counts.empty"));
        grid.setItemsPageable(pageable -> stock.counts(null, pageable).getContent());
        grid.addItemClickListener(e -> {
            if (attempt(() -> show(stock.countDetails(e.getItem().id())))) {
                return;
            }
        });
        add(count, grid);
    }

    private void show(StockCount count) {
        Dialog dialog = new Dialog();
        dialog.setId("count-dialog");
        dialog.setHeaderTitle(count.storeName() + " · " + time(count.countedAt()));
        Grid<StockCount.Line> lines = new Grid<>();
        lines.setId("count-lines");
        lines.addColumn(l -> variantLabel(l.variantName(), l.variantId()))
                .setHeader(getTranslation("stock.column.item"));
        lines.addColumn(StockCount.Line::expected).setHeader(getTranslation("stock.column.expected"));
        lines.addColumn(StockCount.Line::counted).setHeader(getTranslation("stock.column.counted"));
        lines.addColumn(l -> (l.difference() > 0 ? "+" : "") + l.difference())
                .setHeader(getTranslation("stock.column.difference"));
        lines.setItems(count.lines());
        lines.setWidth("40em");
        dialog.add(lines);
        dialog.getFooter().add(new Button(getTranslation("stock.close"), e -> dialog.close()));
        dialog.open();
    }

    /** The count form, also opened from the stock page. */
    static void openCount(
            InventoryPage page, StockService stock, StoreService stores, CatalogService catalog, Runnable refresh) {
        Dialog dialog = new Dialog();
        dialog.setId("count-new-dialog");
        dialog.setHeaderTitle(page.getTranslation("stock.count.new"));
        ComboBox<StoreDetails> store = page.activeStorePicker(stores, "stock.field.store");
        store.setId("count-store");
        TextField note = new TextField(page.getTranslation("stock.field.note"));
        note.setId("count-note");
        note.setMaxLength(500);
        StockView.LineEditor lines = new StockView.LineEditor(page, catalog, "stock.field.counted", 0);
        Button save = new Button(page.getTranslation("stock.count.save"), e -> {
            if (store.getValue() == null) {
                store.setInvalid(true);
                store.setErrorMessage(page.getTranslation("stock.error.store.required"));
                return;
            }
            if (!lines.validate()) {
                return;
            }
            List<StockQuantity> counted = lines.quantities();
            if (counted.isEmpty()) {
                page.error("stock.error.lines.empty");
                return;
            }
            if (page.attempt(() -> stock.count(store.getValue().id(), counted, note.getValue()))) {
                dialog.close();
                refresh.run();
                page.success(page.getTranslation("stock.counted"));
            }
        });
        save.setId("count-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(new FormLayout(store, note), lines));
        dialog.getFooter().add(new Button(page.getTranslation("stock.cancel"), e -> dialog.close()), save);
        dialog.open();
    }
}

package id.lapak.stock;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import id.lapak.catalog.stock.MovementKind;
import id.lapak.catalog.stock.StockMovement;
import id.lapak.catalog.stock.StockService;
import id.lapak.tenant.store.StoreDetails;
import id.lapak.tenant.store.StoreService;
import jakarta.annotation.security.RolesAllowed;

/** The stock ledger, newest first, by store and kind. */
@Route("stock/movements")
@PageTitle("Lapak · Stock movements")
@RolesAllowed({"MERCHANT_ADMIN", "STORE_MANAGER"})
class MovementsView extends InventoryPage {

    MovementsView(StockService stock, StoreService stores) {
        super("stock.movements.title");
        setId("stock-movements");
        Grid<StockMovement> grid = new Grid<>();
        ComboBox<StoreDetails> store = storePicker(stores, "stock.field.store");
        store.setId("movements-store");
        store.setClearButtonVisible(true);
        ComboBox<MovementKind> kind = new ComboBox<>(getTranslation("stock.field.kind"));
        kind.setId("movements-kind");
        kind.setItems(MovementKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("stock.kind." + k.name()));
        kind.setClearButtonVisible(true);
        store.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        kind.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        grid.setId("movements-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(m -> time(m.occurredAt())).setHeader(getTranslation("stock.column.time"));
        grid.addColumn(StockMovement::storeName).setHeader(getTranslation("stock.column.store"));
        grid.addColumn(m -> variantLabel(m.variantName(), m.variantId()))
                .setHeader(getTranslation("stock.column.item"))
                .setFlexGrow(2);
        grid.addColumn(m -> getTranslation("stock.kind." + m.kind().name()))
                .setHeader(getTranslation("stock.column.kind"));
        grid.addColumn(m -> (m.quantity() > 0 ? "+" : "") + m.quantity())
                .setHeader(getTranslation("stock.column.quantity"));
        grid.addColumn(StockMovement::resultingOnHand).setHeader(getTranslation("stock.column.resultingOnHand"));
        grid.addColumn(m -> m.reason() == null ? "" : m.reason())
                .setHeader(getTranslation("stock.column.reason"))
                .setFlexGrow(2);
        // A person is their name; a device or the system says what it is ("Perangkat · Kasir 1").
        grid.addColumn(m -> "PERSON".equals(String.valueOf(m.actorKind()))
                        ? m.actorName()
                        : getTranslation("stock.actor." + m.actorKind())
                                + (m.actorName() == null ? "" : " · " + m.actorName()))
                .setHeader(getTranslation("stock.column.by"));
        grid.setEmptyStateText(getTranslation("stock.movements.empty"));
        grid.setItemsPageable(pageable -> stock.movements(
                        store.getValue() == null ? null : store.getValue().id(), null, kind.getValue(), pageable)
                .getContent());

        add(new HorizontalLayout(store, kind), grid);
    }
}

package id.lapak.stock;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import id.lapak.catalog.items.CatalogService;
import id.lapak.catalog.stock.StockQuantity;
import id.lapak.catalog.stock.StockTransfer;
import id.lapak.catalog.stock.StockTransferService;
import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.store.StoreDetails;
import id.lapak.tenant.store.StoreService;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.data.domain.PageRequest;

/** Transfers between stores: the list, a new transfer, and each one's lines, history and next step. */
@Route("stock/transfers")
@PageTitle("Lapak · Stock transfers")
@RolesAllowed({"MERCHANT_ADMIN", "STORE_MANAGER"})
class TransfersView extends InventoryPage {

    private final StockTransferService transfers;
    private final StoreService stores;
    private final CatalogService catalog;
    private final Grid<StockTransfer> grid = new Grid<>();

    TransfersView(StockTransferService transfers, StoreService stores, CatalogService catalog) {
        super("stock.transfers.title");
        this.transfers = transfers;
        this.stores = stores;
        this.catalog = catalog;
        setId("stock-transfers");

        ComboBox<StockTransfer.Status> status = new ComboBox<>(getTranslation("stock.field.status"));
        status.setId("transfers-status");
        status.setItems(StockTransfer.Status.values());
        status.setItemLabelGenerator(s -> getTranslation("stock.transfer.status." + s.name()));
        status.setClearButtonVisible(true);
        status.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        Button create = new Button(getTranslation("stock.transfer.new"), VaadinIcon.PLUS.create(), e -> create());
        create.setId("transfers-new");
        create.setVisible(CurrentUser.require().mayChange(Role.MERCHANT_ADMIN, Role.STORE_MANAGER));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout toolbar = new HorizontalLayout(status, create);
        toolbar.setDefaultVerticalComponentAlignment(Alignment.BASELINE);

        grid.setId("transfers-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(t -> time(t.createdAt())).setHeader(getTranslation("stock.column.created"));
        grid.addColumn(StockTransfer::fromStoreName).setHeader(getTranslation("stock.column.from"));
        grid.addColumn(StockTransfer::toStoreName).setHeader(getTranslation("stock.column.to"));
        grid.addComponentColumn(t -> {
                    Span badge = new Span(
                            getTranslation("stock.transfer.status." + t.status().name()));
                    badge.addClassNames(
                            "lapak-status", t.status() == StockTransfer.Status.CANCELLED ? "inactive" : "active");
                    return badge;
                })
                .setHeader(getTranslation("stock.column.status"));
        grid.addColumn(t -> t.note() == null ? "" : t.note())
                .setHeader(getTranslation("stock.column.note"))
                .setFlexGrow(2);
        grid.setEmptyStateText(getTranslation("stock.transfers.empty"));
        grid.setItemsPageable(
                pageable -> transfers.find(status.getValue(), pageable).getContent());
        grid.addItemClickListener(
                e -> attempt(() -> show(transfers.get(e.getItem().id()))));
        add(toolbar, grid);
    }

    private void create() {
        Dialog dialog = new Dialog();
        dialog.setId("transfer-new-dialog");
        dialog.setHeaderTitle(getTranslation("stock.transfer.new"));
        ComboBox<StoreDetails> from = activeStorePicker(stores, "stock.field.from");
        from.setId("transfer-from");
        ComboBox<StoreDetails> to = new ComboBox<>(getTranslation("stock.field.to"));
        to.setId("transfer-to");
        // Any store of the tenant may receive; only the person's own stores may send.
        to.setItems(stores.find("", PageRequest.of(0, ACTIVE_STORES_MAX)).stream()
                .filter(StoreDetails::active)
                .toList());
        to.setItemLabelGenerator(StoreDetails::name);
        TextField note = new TextField(getTranslation("stock.field.note"));
        note.setId("transfer-note");
        note.setMaxLength(500);
        StockView.LineEditor lines = new StockView.LineEditor(this, catalog, "stock.field.quantity", 1);
        Button save = new Button(getTranslation("stock.transfer.create"), e -> {
            if (from.getValue() == null || to.getValue() == null) {
                error("stock.error.store.required");
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
            if (attempt(
                    () -> transfers.create(from.getValue().id(), to.getValue().id(), entered, note.getValue()))) {
                dialog.close();
                grid.getDataProvider().refreshAll();
                success(getTranslation("stock.transfer.created"));
            }
        });
        save.setId("transfer-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(new FormLayout(from, to, note), lines));
        dialog.getFooter().add(new Button(getTranslation("stock.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void show(StockTransfer transfer) {
        Dialog dialog = new Dialog();
        dialog.setId("transfer-dialog");
        dialog.setHeaderTitle(getTranslation("stock.transfer.title", transfer.fromStoreName(), transfer.toStoreName()));
        Grid<StockTransfer.Line> lines = new Grid<>();
        lines.setId("transfer-lines");
        lines.addColumn(l -> variantLabel(l.variantName(), l.variantId()))
                .setHeader(getTranslation("stock.column.item"));
        lines.addColumn(StockTransfer.Line::quantity).setHeader(getTranslation("stock.column.quantity"));
        lines.setItems(transfer.lines());
        lines.setAllRowsVisible(true);
        VerticalLayout history = new VerticalLayout();
        history.setId("transfer-history");
        history.setPadding(false);
        history.add(new Paragraph(
                getTranslation("stock.transfer.history.created", time(transfer.createdAt()), transfer.createdBy())));
        if (transfer.sentAt() != null) {
            history.add(new Paragraph(
                    getTranslation("stock.transfer.history.sent", time(transfer.sentAt()), transfer.sentBy())));
        }
        if (transfer.receivedAt() != null) {
            history.add(new Paragraph(getTranslation(
                    "stock.transfer.history.received", time(transfer.receivedAt()), transfer.receivedBy())));
        }
        if (transfer.cancelledAt() != null) {
            history.add(new Paragraph(getTranslation(
                    "stock.transfer.history.cancelled", time(transfer.cancelledAt()), transfer.cancelledBy())));
        }
        dialog.add(new VerticalLayout(lines, history));
        dialog.getFooter().add(new Button(getTranslation("stock.close"), e -> dialog.close()));
        switch (transfer.status()) {
            case CREATED -> {
                dialog.getFooter()
                        .addComponentAsFirst(step(
                                dialog,
                                "stock.transfer.cancel",
                                "transfer-cancel",
                                () -> transfers.cancel(transfer.id())));
                dialog.getFooter()
                        .add(step(dialog, "stock.transfer.send", "transfer-send", () -> transfers.send(transfer.id())));
            }
            case SENT ->
                dialog.getFooter()
                        .add(step(
                                dialog,
                                "stock.transfer.receive",
                                "transfer-receive",
                                () -> transfers.receive(transfer.id())));
            default -> {}
        }
        dialog.open();
    }

    private Button step(Dialog dialog, String key, String id, Supplier<StockTransfer> action) {
        Button button = new Button(getTranslation(key), e -> {
            if (attempt(action::get)) {
                dialog.close();
                grid.getDataProvider().refreshAll();
                success(getTranslation(key + ".done"));
            }
        });
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return button;
    }
}

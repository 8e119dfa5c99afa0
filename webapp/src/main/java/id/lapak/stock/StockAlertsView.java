package id.lapak.stock;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import id.lapak.catalog.stock.StockAlertSettingsService;
import id.lapak.catalog.stock.StockLevel;
import id.lapak.catalog.stock.StockService;
import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.store.StoreDetails;
import id.lapak.tenant.store.StoreService;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.List;

/**
 * Low-stock alerts: every variant at or under its threshold, oldest first; an alert clears by itself when stock is
 * back above. Merchant admins also keep who gets the e-mail for each store.
 */
@Route("stock/alerts")
@PageTitle("Lapak · Low stock")
@RolesAllowed({"MERCHANT_ADMIN", "STORE_MANAGER"})
class StockAlertsView extends InventoryPage {

    StockAlertsView(StockService stock, StockAlertSettingsService settings, StoreService stores) {
        super("stock.alerts.title");
        setId("stock-alerts");
        Grid<StockLevel> grid = new Grid<>();
        grid.setId("alerts-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(l -> time(l.belowSince())).setHeader(getTranslation("stock.column.since"));
        grid.addColumn(StockLevel::storeName).setHeader(getTranslation("stock.column.store"));
        grid.addColumn(l -> variantLabel(l.variantName(), l.variantId()))
                .setHeader(getTranslation("stock.column.item"))
                .setFlexGrow(2);
        grid.addColumn(StockLevel::onHand).setHeader(getTranslation("stock.column.onHand"));
        grid.addColumn(StockLevel::threshold).setHeader(getTranslation("stock.column.threshold"));
        grid.setEmptyStateText(getTranslation("stock.alerts.empty"));
        grid.setItemsPageable(pageable -> stock.alerts(pageable).getContent());
        add(grid);

        if (CurrentUser.require().mayChange(Role.MERCHANT_ADMIN)) {
            ComboBox<StoreDetails> store = storePicker(stores, "stock.field.store");
            store.setId("recipients-store");
            TextArea emails = new TextArea(getTranslation("stock.recipients.emails"));
            emails.setId("recipients-emails");
            emails.setHelperText(getTranslation("stock.recipients.help"));
            emails.setWidth("28em");
            emails.setEnabled(false);
            store.addValueChangeListener(e -> {
                emails.setEnabled(e.getValue() != null);
                emails.setValue(
                        e.getValue() == null
                                ? ""
                                : String.join(
                                        "\n", settings.recipients(e.getValue().id())));
            });
            Button save = new Button(getTranslation("stock.recipients.save"), e -> {
                if (store.getValue() == null) {
                    error("stock.error.store.required");
                    return;
                }
                List<String> list = Arrays.stream(emails.getValue().split("[\\s,;]+"))
                        .filter(s -> !s.isBlank())
                        .toList();
                if (attempt(() -> emails.setValue(String.join(
                        "\n", settings.setRecipients(store.getValue().id(), list))))) {
                    success(getTranslation("stock.recipients.saved"));
                }
            });
            save.setId("recipients-save");
            HorizontalLayout form = new HorizontalLayout(store, emails, save);
            form.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
            add(new H3(getTranslation("stock.recipients.title")), form);
        }
    }
}

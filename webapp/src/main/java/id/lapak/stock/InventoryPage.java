package id.lapak.stock;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HighlightConditions;
import com.vaadin.flow.router.RouterLink;
import id.lapak.catalog.items.CatalogService;
import id.lapak.catalog.items.VariantSummary;
import id.lapak.catalog.stock.StockException;
import id.lapak.catalog.stock.TransferNotFoundException;
import id.lapak.tenant.store.StoreDetails;
import id.lapak.tenant.store.StoreNotFoundException;
import id.lapak.tenant.store.StoreService;
import id.lapak.ui.PortalDates;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/** What the inventory pages share: the sub-navigation, store and variant pickers, times, and error messages. */
abstract class InventoryPage extends VerticalLayout {

    private Notification lastError;

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    InventoryPage(String titleKey) {
        setSizeFull();
        Nav tabs = new Nav(
                link("stock.nav.stock", StockView.class),
                link("stock.nav.movements", MovementsView.class),
                link("stock.nav.transfers", TransfersView.class),
                link("stock.nav.counts", CountsView.class),
                link("stock.nav.alerts", StockAlertsView.class));
        tabs.addClassName("lapak-subnav");
        tabs.getStyle().set("display", "flex").set("gap", "var(--lumo-space-m)");
        add(new H2(getTranslation(titleKey)), tabs);
    }

    /** A sub-page link, marked only on its own page (not "Stock" on every page under stock/). */
    private RouterLink link(String key, Class<? extends Component> view) {
        RouterLink link = new RouterLink(getTranslation(key), view);
        link.setHighlightCondition(HighlightConditions.sameLocation());
        return link;
    }

    /** A lazy store picker limited to what the person may see. */
    static final int ACTIVE_STORES_MAX = 500;

    ComboBox<StoreDetails> storePicker(StoreService stores, String labelKey) {
        ComboBox<StoreDetails> picker = new ComboBox<>(getTranslation(labelKey));
        picker.setItems(query ->
                stores
                        .find(query.getFilter().orElse(""), PageRequest.of(query.getPage(), query.getPageSize()))
                        .stream());
        picker.setItemLabelGenerator(StoreDetails::name);
        return picker;
    }

    /**
     * A picker of the stores goods can go to: active stores only (a deactivated store is not offered for receiving,
     * counting or transfers; its history stays readable through {@link #storePicker}).
     */
    ComboBox<StoreDetails> activeStorePicker(StoreService stores, String labelKey) {
        ComboBox<StoreDetails> picker = new ComboBox<>(getTranslation(labelKey));
        picker.setItems(stores.find("", PageRequest.of(0, ACTIVE_STORES_MAX, Sort.by("name"))).stream()
                .filter(StoreDetails::active)
                .toList());
        picker.setItemLabelGenerator(StoreDetails::name);
        return picker;
    }

    /** A lazy variant picker over the catalog (name, SKU or barcode). */
    ComboBox<VariantSummary> variantPicker(CatalogService catalog, String labelKey) {
        ComboBox<VariantSummary> picker = new ComboBox<>(getTranslation(labelKey));
        picker.setItems(
                query -> catalog
                        .searchVariants(
                                query.getFilter().orElse(""), PageRequest.of(query.getPage(), query.getPageSize()))
                        .stream());
        picker.setItemLabelGenerator(v -> v.sku() == null ? v.name() : v.name() + " · " + v.sku());
        return picker;
    }

    String time(Instant instant) {
        return instant == null ? "" : PortalDates.dateTime(getLocale(), JAKARTA).format(instant);
    }

    static String variantLabel(String name, UUID id) {
        return name == null ? id.toString().substring(0, 8) : name;
    }

    /** Runs a change; a refused one shows its reason, translated, and returns false. */
    boolean attempt(Runnable change) {
        try {
            change.run();
            return true;
        } catch (StockException e) {
            error(e.messageKey());
        } catch (StoreNotFoundException e) {
            error("stock.error.store");
        } catch (TransferNotFoundException e) {
            error("stock.error.transfer");
        }
        return false;
    }

    /** Shows the outcome and takes away an earlier refusal, so "done" never stands beside an old error. */
    void success(String text) {
        closeError();
        Notification.show(text, 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    void error(String key) {
        closeError();
        lastError = Notification.show(getTranslation(key), 6000, Notification.Position.MIDDLE);
        lastError.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private void closeError() {
        if (lastError != null) {
            lastError.close();
            lastError = null;
        }
    }
}

package id.lapak.devices;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import id.lapak.device.DeviceDetails;
import id.lapak.device.DeviceService;
import id.lapak.device.pairing.PairingCodes;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.store.StoreDetails;
import id.lapak.tenant.store.StoreService;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/** The tenant's devices (a store manager's: their stores' devices), a page at a time, and adding a new one. */
@Route("devices")
@PageTitle("Lapak · Devices")
@RolesAllowed({"MERCHANT_ADMIN", "STORE_MANAGER"})
class DevicesView extends VerticalLayout {

    /** The store service's largest page; a merchant with more stores than this is not a Lapak customer yet. */
    static final int STORES_MAX = 500;

    private final DeviceService devices;
    private final PairingCodes pairing;
    private final ZoneId zone;
    private final List<StoreDetails> stores;
    private final Map<UUID, String> storeNames;
    private final Grid<DeviceDetails> grid = new Grid<>();
    private final TextField search = new TextField();
    private final ComboBox<StoreDetails> storeFilter = new ComboBox<>();

    DevicesView(DeviceService devices, PairingCodes pairing, StoreService storeService, TenantDirectory tenants) {
        this.devices = devices;
        this.pairing = pairing;
        this.zone = tenants.current().timeZone();
        this.stores = storeService
                .find("", PageRequest.of(0, STORES_MAX, Sort.by("name")))
                .getContent();
        this.storeNames = stores.stream().collect(Collectors.toMap(StoreDetails::id, StoreDetails::name));
        setId("devices");
        setSizeFull();

        search.setId("device-search");
        search.setPlaceholder(getTranslation("devices.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        storeFilter.setId("device-store-filter");
        storeFilter.setPlaceholder(getTranslation("devices.allStores"));
        storeFilter.setItems(stores);
        storeFilter.setItemLabelGenerator(StoreDetails::name);
        storeFilter.setClearButtonVisible(true);
        storeFilter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        Button add = new Button(getTranslation("devices.add"), VaadinIcon.PLUS.create(), e -> addDevice());
        add.setVisible(CurrentUser.require().mayChange(Role.MERCHANT_ADMIN, Role.STORE_MANAGER));
        add.setId("add-device");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        Button settings = new Button(
                getTranslation("devices.settings"),
                VaadinIcon.COG.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(DeviceSettingsView.class)));
        settings.setId("device-settings");

        HorizontalLayout toolbar = new HorizontalLayout(search, storeFilter, settings, add);
        toolbar.setWidthFull();
        toolbar.expand(search);

        DateTimeFormatter exact = DeviceTimes.dateTime(getLocale(), zone);
        grid.setId("device-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(DeviceDetails::name)
                .setHeader(getTranslation("devices.column.name"))
                .setSortProperty("name")
                .setFlexGrow(2);
        grid.addColumn(d -> storeNames.getOrDefault(d.storeId(), "")).setHeader(getTranslation("devices.column.store"));
        grid.addColumn(DeviceDetails::model).setHeader(getTranslation("devices.column.model"));
        grid.addColumn(DeviceDetails::appVersion).setHeader(getTranslation("devices.column.appVersion"));
        grid.addColumn(DeviceDetails::readerFirmware).setHeader(getTranslation("devices.column.readerFirmware"));
        grid.addColumn(d -> d.batteryPercent() == null ? "" : d.batteryPercent() + "%")
                .setHeader(getTranslation("devices.column.battery"));
        grid.addComponentColumn(d -> new PresenceBadge(d, Instant.now()))
                .setHeader(getTranslation("devices.column.status"));
        grid.addColumn(d -> {
                    DeviceTimes.Ago ago = DeviceTimes.ago(d.lastSeenAt(), Instant.now());
                    return getTranslation(ago.key(), ago.amount());
                })
                .setHeader(getTranslation("devices.column.lastSeen"))
                .setSortProperty("lastSeenAt")
                .setTooltipGenerator(d -> d.lastSeenAt() == null ? "" : exact.format(d.lastSeenAt()));
        grid.setEmptyStateText(getTranslation("devices.empty"));
        grid.setItemsPageable(pageable -> devices.find(
                        search.getValue(),
                        storeFilter.getValue() == null
                                ? null
                                : storeFilter.getValue().id(),
                        pageable)
                .getContent());
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(
                DeviceView.class,
                new RouteParameters(DeviceView.DEVICE_ID, e.getItem().id().toString()))));

        add(new H2(getTranslation("devices.title")), toolbar, grid);
    }

    private void addDevice() {
        PairingDialog dialog = new PairingDialog(
                pairing, stores.stream().filter(StoreDetails::active).toList(), zone);
        // A device that paired while the dialog was open shows up when it closes.
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                grid.getDataProvider().refreshAll();
            }
        });
        dialog.open();
    }
}

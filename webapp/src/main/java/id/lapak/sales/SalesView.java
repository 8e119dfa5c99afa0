package id.lapak.sales;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import id.lapak.billing.gateway.CardBrand;
import id.lapak.billing.sale.SaleFilter;
import id.lapak.billing.sale.SaleStatus;
import id.lapak.billing.sale.SaleSummary;
import id.lapak.billing.sale.SaleTotals;
import id.lapak.billing.sale.SalesService;
import id.lapak.device.DeviceDetails;
import id.lapak.device.DeviceService;
import id.lapak.tenant.TenantDetails;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.money.Money;
import id.lapak.tenant.store.StoreDetails;
import id.lapak.tenant.store.StoreService;
import id.lapak.ui.Localized;
import id.lapak.ui.PortalDates;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * The tenant's sales (a store manager's: their stores'), newest first, a page at a time: filtered by the day range
 * in the tenant's time zone, store, device, status, brand, amount, the card's last four digits and whether it was
 * taken offline, with the totals of everything the filter matches.
 */
@Route("sales")
@PageTitle("Lapak · Sales")
@RolesAllowed({"MERCHANT_ADMIN", "STORE_MANAGER"})
class SalesView extends VerticalLayout {

    static final int STORES_MAX = 500;
    static final int DEVICES_MAX = 1000;

    enum OfflineChoice {
        ALL,
        ONLINE,
        OFFLINE
    }

    private final SalesService sales;
    private final ZoneId zone;
    private final String currency;
    private final Map<UUID, String> storeNames;
    private final Map<UUID, String> deviceNames;
    private final Grid<SaleSummary> grid = new Grid<>();
    private final Div totals = new Div();
    private final DatePicker from = Localized.datePicker(new DatePicker());
    private final DatePicker to = Localized.datePicker(new DatePicker());
    private final ComboBox<StoreDetails> store = new ComboBox<>();
    private final ComboBox<DeviceDetails> device = new ComboBox<>();
    private final MultiSelectComboBox<SaleStatus> status = new MultiSelectComboBox<>();
    private final ComboBox<CardBrand> brand = new ComboBox<>();
    private final TextField minAmount;
    private final TextField maxAmount;
    private final TextField last4 = new TextField();
    private final Select<OfflineChoice> offline = new Select<>();
    private final Span filterError = new Span();

    SalesView(SalesService sales, StoreService stores, DeviceService devices, TenantDirectory tenants) {
        this.sales = sales;
        TenantDetails tenant = tenants.current();
        this.zone = tenant.timeZone();
        this.currency = tenant.currency().getCurrencyCode();
        List<StoreDetails> storeList =
                stores.find("", PageRequest.of(0, STORES_MAX, Sort.by("name"))).getContent();
        this.storeNames = storeList.stream().collect(Collectors.toMap(StoreDetails::id, StoreDetails::name));
        List<DeviceDetails> deviceList = devices.find("", null, PageRequest.of(0, DEVICES_MAX, Sort.by("name")))
                .getContent();
        this.deviceNames = deviceList.stream().collect(Collectors.toMap(DeviceDetails::id, DeviceDetails::name));
        setId("sales");
        setSizeFull();

        from.setId("sales-from");
        from.setLabel(getTranslation("sales.filter.from"));
        to.setId("sales-to");
        to.setLabel(getTranslation("sales.filter.to"));
        LocalDate today = LocalDate.now(zone);
        from.setValue(today.minusDays(29));
        to.setValue(today);

        store.setId("sales-store");
        store.setLabel(getTranslation("sales.filter.store"));
        store.setPlaceholder(getTranslation("sales.filter.allStores"));
        store.setItems(storeList);
        store.setItemLabelGenerator(StoreDetails::name);
        store.setClearButtonVisible(true);

        device.setId("sales-device");
        device.setLabel(getTranslation("sales.filter.device"));
        device.setPlaceholder(getTranslation("sales.filter.allDevices"));
        device.setItems(deviceList);
        device.setItemLabelGenerator(DeviceDetails::name);
        device.setClearButtonVisible(true);

        status.setId("sales-status");
        status.setLabel(getTranslation("sales.filter.status"));
        status.setItems(SaleStatus.values());
        status.setItemLabelGenerator(s -> getTranslation("sales.status." + s.name()));

        brand.setId("sales-brand");
        brand.setLabel(getTranslation("sales.filter.brand"));
        brand.setItems(Arrays.stream(CardBrand.values())
                .filter(b -> b != CardBrand.UNKNOWN)
                .toList());
        brand.setItemLabelGenerator(b -> getTranslation("sales.brand." + b.name()));
        brand.setClearButtonVisible(true);

        minAmount = AmountField.create("sales-min-amount", getTranslation("sales.filter.minAmount", currency));
        maxAmount = AmountField.create("sales-max-amount", getTranslation("sales.filter.maxAmount", currency));
        minAmount.setValueChangeMode(ValueChangeMode.LAZY);
        maxAmount.setValueChangeMode(ValueChangeMode.LAZY);

        last4.setId("sales-last4");
        last4.setLabel(getTranslation("sales.filter.last4"));
        last4.setMaxLength(4);
        last4.setAllowedCharPattern("[0-9]");
        last4.setPrefixComponent(VaadinIcon.CREDIT_CARD.create());
        last4.setClearButtonVisible(true);
        last4.setValueChangeMode(ValueChangeMode.LAZY);

        offline.setId("sales-offline");
        offline.setLabel(getTranslation("sales.filter.offline"));
        offline.setItems(OfflineChoice.values());
        offline.setItemLabelGenerator(c -> getTranslation("sales.filter.offline." + c.name()));
        offline.setValue(OfflineChoice.ALL);

        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        store.addValueChangeListener(e -> refresh());
        device.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        brand.addValueChangeListener(e -> refresh());
        minAmount.addValueChangeListener(e -> refresh());
        maxAmount.addValueChangeListener(e -> refresh());
        last4.addValueChangeListener(e -> refresh());
        offline.addValueChangeListener(e -> refresh());

        FlexLayout filters =
                new FlexLayout(from, to, store, device, status, brand, minAmount, maxAmount, last4, offline);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.addClassName("lapak-filters");
        filterError.setId("sales-filter-error");
        filterError.addClassName("lapak-error");

        totals.setId("sales-totals");
        totals.addClassName("lapak-totals");

        DateTimeFormatter time = PortalDates.dateTime(getLocale(), zone);
        grid.setId("sales-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(s -> time.format(s.soldAt()))
                .setHeader(getTranslation("sales.column.soldAt"))
                .setSortProperty("soldAt")
                .setAutoWidth(true);
        grid.addColumn(s -> storeNames.getOrDefault(s.storeId(), "")).setHeader(getTranslation("sales.column.store"));
        grid.addColumn(s -> deviceNames.getOrDefault(s.deviceId(), ""))
                .setHeader(getTranslation("sales.column.device"));
        grid.addColumn(s -> getTranslation("sales.status." + s.status().name()))
                .setHeader(getTranslation("sales.column.status"))
                .setSortProperty("status");
        grid.addColumn(s -> s.brand() == null
                        ? ""
                        : getTranslation("sales.brand." + s.brand().name()))
                .setHeader(getTranslation("sales.column.brand"))
                .setSortProperty("brand");
        grid.addColumn(s -> s.maskedPan() == null ? "" : s.maskedPan())
                .setHeader(getTranslation("sales.column.card"))
                .setAutoWidth(true);
        grid.addColumn(s -> Money.of(s.amountMinor(), s.currency()).format(getLocale()))
                .setHeader(getTranslation("sales.column.amount"))
                .setSortProperty("amountMinor")
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        grid.addColumn(s -> s.offline() ? getTranslation("sales.offline.yes") : "")
                .setHeader(getTranslation("sales.column.offline"));
        grid.setMultiSort(false);
        grid.setEmptyStateText(getTranslation("sales.empty"));
        grid.setItemsPageable(pageable -> {
            SaleFilter filter = filter();
            return filter == null ? List.of() : sales.search(filter, pageable).getContent();
        });
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(
                SaleView.class,
                new RouteParameters(SaleView.SALE_ID, e.getItem().id().toString()))));

        add(new H2(getTranslation("sales.title")), filters, filterError, totals, grid);
        expand(grid);
        showTotals();
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        showTotals();
    }

    private void showTotals() {
        totals.removeAll();
        SaleFilter filter = filter();
        if (filter == null) {
            return;
        }
        List<SaleTotals> rows = sales.totals(filter);
        if (rows.isEmpty()) {
            totals.add(new Span(getTranslation("sales.totals.none")));
        }
        for (SaleTotals t : rows) {
            Span line = new Span(getTranslation(
                    "sales.totals.line",
                    t.count(),
                    t.approvedCount(),
                    t.declinedCount(),
                    Money.of(t.approvedMinor(), t.currency()).format(getLocale()),
                    Money.of(t.capturedMinor(), t.currency()).format(getLocale()),
                    Money.of(t.refundedMinor(), t.currency()).format(getLocale()),
                    Money.of(t.netMinor(), t.currency()).format(getLocale()),
                    t.unfinishedCount()));
            line.addClassName("lapak-totals-line");
            line.getElement().setAttribute("data-currency", t.currency());
            totals.add(line);
        }
    }

    /** The filter the fields describe, or null (with a message) when they contradict each other. */
    SaleFilter filter() {
        filterError.setText("");
        LocalDate first = from.getValue();
        LocalDate last = to.getValue();
        if (first != null && last != null && last.isBefore(first)) {
            filterError.setText(getTranslation("sales.filter.badRange"));
            return null;
        }
        Optional<Long> typedMin = AmountField.read(minAmount, currency, getLocale());
        Optional<Long> typedMax = AmountField.read(maxAmount, currency, getLocale());
        if (typedMin == null || typedMax == null) {
            return null;
        }
        Long min = typedMin.orElse(null);
        Long max = typedMax.orElse(null);
        if ((min != null && min < 0) || (max != null && max < 0) || (min != null && max != null && max < min)) {
            filterError.setText(getTranslation("sales.filter.badAmount"));
            return null;
        }
        String digits = last4.getValue() == null ? "" : last4.getValue().strip();
        if (!digits.isEmpty() && !digits.matches("\\d{4}")) {
            filterError.setText(getTranslation("sales.filter.badLast4"));
            return null;
        }
        SaleFilter filter = SaleFilter.all()
                .withPeriod(
                        first == null ? null : first.atStartOfDay(zone).toInstant(),
                        last == null
                                ? null
                                : last.plusDays(1).atStartOfDay(zone).toInstant())
                .withStore(store.getValue() == null ? null : store.getValue().id())
                .withDevice(device.getValue() == null ? null : device.getValue().id())
                .withStatuses(status.getValue())
                .withBrand(brand.getValue())
                .withAmount(min, max)
                .withLast4(digits.isEmpty() ? null : digits);
        return switch (offline.getValue() == null ? OfflineChoice.ALL : offline.getValue()) {
            case ALL -> filter;
            case ONLINE -> filter.withOffline(false);
            case OFFLINE -> filter.withOffline(true);
        };
    }
}

package id.lapak.reports;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import id.lapak.reports.ReportSubscriptions.Request;
import id.lapak.reports.ReportSubscriptions.Subscription;
import id.lapak.tenant.store.StoreDetails;
import id.lapak.tenant.store.StoreNotFoundException;
import id.lapak.tenant.store.StoreService;
import id.lapak.ui.ZoneNames;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.springframework.data.domain.PageRequest;

/**
 * A person's reports by e-mail: subscribe to a report daily, weekly or monthly (one store of theirs or all of them,
 * every cashier or one, as PDF, XLSX or CSV, at a local hour), pause, resume or remove each.
 */
@Route("reports/subscriptions")
@PageTitle("Lapak · Reports by e-mail")
@RolesAllowed({"MERCHANT_ADMIN", "STORE_MANAGER"})
class ReportSubscriptionsView extends VerticalLayout {

    private final ReportSubscriptions subscriptions;
    private final Map<UUID, String> storeNames = new LinkedHashMap<>();
    private final ComboBox<ReportKind> kind = new ComboBox<>();
    private final ComboBox<StoreDetails> store = new ComboBox<>();
    private final ComboBox<String> cashier = new ComboBox<>();
    private final Map<String, String> cashierLabels = new LinkedHashMap<>();
    private final Map<String, String> everyCashier;
    private final ComboBox<ReportFrequency> frequency = new ComboBox<>();
    private final ComboBox<ReportFormat> format = new ComboBox<>();
    private final ComboBox<Integer> hour = new ComboBox<>();
    private final Grid<Subscription> grid = new Grid<>();

    ReportSubscriptionsView(ReportSubscriptions subscriptions, StoreService stores) {
        this.subscriptions = subscriptions;
        this.everyCashier = subscriptions.cashiers(null);
        setId("report-subscriptions");
        setWidthFull();
        add(
                new H2(getTranslation("report.subscriptions.title")),
                new Paragraph(getTranslation("report.subscriptions.explain")),
                new Anchor("reports", getTranslation("report.subscriptions.back")));

        kind.setId("subscription-kind");
        kind.setWidth("20em"); // the longest report names ("Pengembalian dana dan pembatalan") in full
        kind.setLabel(getTranslation("report.filter.report"));
        kind.setItems(ReportKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("report.kind." + k.name()));
        kind.setValue(ReportKind.SUMMARY);
        List<StoreDetails> visible = stores.find("", PageRequest.of(0, 500)).getContent();
        visible.forEach(s -> storeNames.put(s.id(), s.name()));
        store.setId("subscription-store");
        store.setLabel(getTranslation("report.filter.store"));
        store.setPlaceholder(getTranslation("report.filter.allStores"));
        store.setItems(visible);
        store.setItemLabelGenerator(StoreDetails::name);
        store.setClearButtonVisible(true);
        store.addValueChangeListener(e -> refreshCashiers());
        cashier.setId("subscription-cashier");
        cashier.setLabel(getTranslation("report.filter.cashier"));
        cashier.setPlaceholder(getTranslation("report.filter.allCashiers"));
        cashier.setItemLabelGenerator(code -> cashierLabels.getOrDefault(code, code));
        cashier.setClearButtonVisible(true);
        cashier.addValueChangeListener(e -> cashier.setInvalid(false));
        refreshCashiers();
        frequency.setId("subscription-frequency");
        frequency.setLabel(getTranslation("report.subscriptions.frequency"));
        frequency.setItems(ReportFrequency.values());
        frequency.setItemLabelGenerator(f -> getTranslation("report.frequency." + f.name()));
        frequency.setValue(ReportFrequency.DAILY);
        format.setId("subscription-format");
        format.setLabel(getTranslation("report.subscriptions.format"));
        format.setItems(ReportFormat.values());
        format.setItemLabelGenerator(f -> getTranslation("report.format." + f.name()));
        format.setValue(ReportFormat.PDF);
        hour.setId("subscription-hour");
        hour.setLabel(getTranslation("report.subscriptions.hour"));
        hour.setItems(IntStream.range(0, 24).boxed().toList());
        hour.setItemLabelGenerator(h -> "%02d:00".formatted(h));
        hour.setValue(7);
        Button subscribe = new Button(getTranslation("report.subscriptions.subscribe"), e -> subscribe());
        subscribe.setId("subscription-add");
        subscribe.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FlexLayout form = new FlexLayout(kind, store, cashier, frequency, format, hour, subscribe);
        form.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        form.setAlignItems(Alignment.BASELINE);
        form.getStyle().set("gap", "var(--lumo-space-m)");
        add(form);

        grid.setId("subscription-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(s -> getTranslation("report.kind." + s.kind().name()))
                .setHeader(getTranslation("report.filter.report"))
                .setAutoWidth(true);
        grid.addColumn(s -> s.storeId() == null
                        ? getTranslation("report.filter.allStores")
                        : storeNames.getOrDefault(s.storeId(), ""))
                .setHeader(getTranslation("report.filter.store"));
        grid.addColumn(s -> s.cashier() == null
                        ? getTranslation("report.filter.allCashiers")
                        : everyCashier.getOrDefault(s.cashier(), s.cashier()))
                .setHeader(getTranslation("report.filter.cashier"));
        grid.addColumn(s -> getTranslation(
                        "report.subscriptions.when",
                        getTranslation("report.frequency." + s.frequency().name()),
                        s.sendAt().toString(),
                        ZoneNames.label(s.zone(), getLocale())))
                .setHeader(getTranslation("report.subscriptions.frequency"))
                .setAutoWidth(true);
        grid.addColumn(s -> getTranslation("report.format." + s.format().name()))
                .setHeader(getTranslation("report.subscriptions.format"));
        grid.addColumn(s -> getTranslation(s.enabled() ? "report.subscriptions.active" : "report.subscriptions.paused"))
                .setHeader(getTranslation("report.subscriptions.status"));
        grid.addComponentColumn(this::actions).setAutoWidth(true);
        add(grid);
        refresh();
    }

    private HorizontalLayout actions(Subscription s) {
        Button toggle = new Button(
                getTranslation(s.enabled() ? "report.subscriptions.pause" : "report.subscriptions.resume"), e -> {
                    try {
                        subscriptions.setEnabled(s.id(), !s.enabled());
                    } catch (InvalidReportFilterException ex) {
                        Notification.show(getTranslation(ex.getMessage()));
                    }
                    refresh();
                });
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Button remove = new Button(getTranslation("report.subscriptions.remove"), e -> {
            try {
                subscriptions.remove(s.id());
                Notification.show(getTranslation("report.subscriptions.removed"));
            } catch (InvalidReportFilterException ex) {
                Notification.show(getTranslation(ex.getMessage()));
            }
            refresh();
        });
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(toggle, remove);
    }

    private void subscribe() {
        try {
            subscriptions.subscribe(new Request(
                    kind.getValue(),
                    store.getValue() == null ? null : store.getValue().id(),
                    frequency.getValue(),
                    format.getValue(),
                    hour.getValue() == null ? null : LocalTime.of(hour.getValue(), 0),
                    cashier.getValue()));
            Notification.show(getTranslation("report.subscriptions.done"));
            refresh();
        } catch (ReportSubscriptions.UnknownCashierException e) {
            cashier.setErrorMessage(getTranslation(e.getMessage()));
            cashier.setInvalid(true);
        } catch (InvalidReportFilterException e) {
            Notification.show(getTranslation(e.getMessage()));
        } catch (StoreNotFoundException e) {
            store.setInvalid(true);
            store.setErrorMessage(getTranslation("report.subscriptions.storeUnknown"));
        }
    }

    /** The cashiers of the chosen store (or of every store of the person) who sold lately; a listed choice stays. */
    private void refreshCashiers() {
        String chosen = cashier.getValue();
        cashierLabels.clear();
        cashierLabels.putAll(subscriptions.cashiers(
                store.getValue() == null ? null : store.getValue().id()));
        cashier.setItems(List.copyOf(cashierLabels.keySet()));
        cashier.setValue(cashierLabels.containsKey(chosen) ? chosen : null);
    }

    private void refresh() {
        grid.setItems(subscriptions.mine());
    }
}

package id.lapak.reports;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.FooterRow;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import id.lapak.device.DeviceDetails;
import id.lapak.device.DeviceService;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.money.Money;
import id.lapak.tenant.store.StoreDetails;
import id.lapak.tenant.store.StoreService;
import id.lapak.ui.EChart;
import id.lapak.ui.Localized;
import jakarta.annotation.security.RolesAllowed;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.data.domain.PageRequest;

/**
 * The reports: pick one, a period of local days, a store, a device, a card brand or a cashier; read it as a table with its
 * totals (and a chart where one helps), export it as CSV, XLSX or PDF with the filters printed on it, and close a
 * store's day into a frozen day report.
 */
@Route("reports")
@PageTitle("Lapak · Reports")
@RolesAllowed({"MERCHANT_ADMIN", "STORE_MANAGER"})
class ReportsView extends VerticalLayout {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final List<String> BRANDS = List.of("VISA", "MASTERCARD", "JCB", "AMEX", "UNIONPAY", "GPN");

    private final ReportTables tables;
    private final ReportService reports;
    private final DayReports dayReports;
    private final SaleExport saleExport;
    private final ReportMail mail;
    private final ComboBox<ReportKind> kind = new ComboBox<>();
    private final DatePicker from = Localized.datePicker(new DatePicker());
    private final DatePicker to = Localized.datePicker(new DatePicker());
    private final ComboBox<StoreDetails> store = new ComboBox<>();
    private final ComboBox<DeviceDetails> device = new ComboBox<>();
    private final ComboBox<String> brand = new ComboBox<>();
    private final ComboBox<String> cashier = new ComboBox<>();
    private final Map<String, String> cashierLabels = new LinkedHashMap<>();
    private final CashierReports cashiers;
    private boolean refreshingCashiers;
    private final Div result = new Div();
    private final Map<UUID, String> names = new LinkedHashMap<>();

    ReportsView(
            ReportTables tables,
            ReportService reports,
            DayReports dayReports,
            SaleExport saleExport,
            ReportMail mail,
            CashierReports cashiers,
            StoreService stores,
            DeviceService devices,
            TenantDirectory tenants) {
        this.tables = tables;
        this.reports = reports;
        this.dayReports = dayReports;
        this.saleExport = saleExport;
        this.mail = mail;
        this.cashiers = cashiers;
        setId("reports");
        setWidthFull();
        add(new H2(getTranslation("report.title")));

        kind.setId("report-kind");
        kind.setWidth("20em"); // the longest report names ("Pengembalian dana dan pembatalan") in full
        kind.setLabel(getTranslation("report.filter.report"));
        kind.setItems(ReportKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("report.kind." + k.name()));
        kind.setValue(ReportKind.SUMMARY);
        LocalDate today = LocalDate.now(tenants.current().timeZone());
        from.setId("report-from");
        from.setLabel(getTranslation("report.filter.from"));
        from.setValue(today.minusDays(6));
        to.setId("report-to");
        to.setLabel(getTranslation("report.filter.to"));
        to.setValue(today);
        List<StoreDetails> visible = stores.find("", PageRequest.of(0, 500)).getContent();
        visible.forEach(s -> names.put(s.id(), s.name()));
        store.setId("report-store");
        store.setLabel(getTranslation("report.filter.store"));
        store.setPlaceholder(getTranslation("report.filter.allStores"));
        store.setItems(visible);
        store.setItemLabelGenerator(StoreDetails::name);
        store.setClearButtonVisible(true);
        List<DeviceDetails> visibleDevices =
                devices.find("", null, PageRequest.of(0, 500)).getContent();
        visibleDevices.forEach(d -> names.put(d.id(), d.name()));
        device.setId("report-device");
        device.setLabel(getTranslation("report.filter.device"));
        device.setPlaceholder(getTranslation("report.filter.allDevices"));
        device.setItems(visibleDevices);
        device.setItemLabelGenerator(DeviceDetails::name);
        device.setClearButtonVisible(true);
        brand.setId("report-brand");
        brand.setLabel(getTranslation("report.filter.brand"));
        brand.setPlaceholder(getTranslation("report.filter.allBrands"));
        brand.setItems(BRANDS);
        brand.setItemLabelGenerator(b -> getTranslation("settlement.brand." + b));
        brand.setClearButtonVisible(true);
        cashier.setId("report-cashier");
        cashier.setLabel(getTranslation("report.filter.cashier"));
        cashier.setPlaceholder(getTranslation("report.filter.allCashiers"));
        cashier.setItemLabelGenerator(code -> cashierLabels.getOrDefault(code, code));
        cashier.setClearButtonVisible(true);
        refreshCashiers();
        FlexLayout filters = new FlexLayout(kind, from, to, store, device, brand, cashier);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.getStyle().set("gap", "var(--lumo-space-m)");
        add(filters);
        kind.addValueChangeListener(e -> show());
        from.addValueChangeListener(e -> showWithCashiers());
        to.addValueChangeListener(e -> showWithCashiers());
        store.addValueChangeListener(e -> show());
        device.addValueChangeListener(e -> show());
        brand.addValueChangeListener(e -> show());
        cashier.addValueChangeListener(e -> {
            if (!refreshingCashiers) {
                show();
            }
        });
        result.setWidthFull();
        add(result);
        show();
    }

    private void showWithCashiers() {
        refreshCashiers();
        show();
    }

    /** The cashiers who sold in the period in the stores the person may read; a chosen one stays chosen if listed. */
    private void refreshCashiers() {
        ReportFilter filter = filter();
        if (filter == null) {
            return;
        }
        String chosen = cashier.getValue();
        cashierLabels.clear();
        cashierLabels.putAll(cashiers.cashiers(ReportFilter.days(filter.from(), filter.to())));
        refreshingCashiers = true;
        try {
            cashier.setItems(List.copyOf(cashierLabels.keySet()));
            cashier.setValue(cashierLabels.containsKey(chosen) ? chosen : null);
        } finally {
            refreshingCashiers = false;
        }
    }

    private ReportFilter filter() {
        try {
            ReportFilter filter = new ReportFilter(
                    from.getValue(),
                    to.getValue(),
                    store.getValue() == null ? null : store.getValue().id(),
                    device.getValue() == null ? null : device.getValue().id(),
                    brand.getValue(),
                    cashier.getValue());
            to.setInvalid(false);
            return filter;
        } catch (InvalidReportFilterException e) {
            to.setErrorMessage(getTranslation(e.getMessage()));
            to.setInvalid(true);
            return null;
        }
    }

    private void show() {
        result.removeAll();
        ReportFilter filter = filter();
        if (filter == null || kind.getValue() == null) {
            return;
        }
        ReportTable table;
        try {
            table = tables.build(kind.getValue(), filter, getLocale(), this::getTranslation, names);
        } catch (InvalidReportFilterException e) {
            to.setErrorMessage(getTranslation(e.getMessage()));
            to.setInvalid(true);
            return;
        }
        Span printed = new Span(String.join(" · ", table.filters()));
        printed.setId("report-filters");
        printed.addClassName("lapak-muted");
        result.add(new H3(table.title()), printed, exports(table));
        if (kind.getValue() == ReportKind.DAYS || kind.getValue() == ReportKind.SUMMARY) {
            EChart chart = new EChart("report-chart", "280px");
            chart.setOption(ReportCharts.days(
                    ReportCharts.shortDays(reports.byDay(filter), getLocale()),
                    getTranslation("report.column.net"),
                    getTranslation("report.column.transactions"),
                    getLocale()));
            result.add(chart);
        } else if (kind.getValue() == ReportKind.HOURS) {
            EChart chart = new EChart("report-chart", "340px");
            chart.setOption(ReportCharts.heatmap(
                    reports.byWeekdayAndHour(filter), getTranslation("report.column.transactions"), getLocale()));
            result.add(chart);
        }
        if (table.rows().isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("report.empty"));
            empty.setId("report-empty");
            result.add(empty);
        } else {
            result.add(grid(table));
        }
        if (kind.getValue() == ReportKind.SUMMARY) {
            result.add(changedNote(filter));
            if (filter.storeId() != null && filter.from().equals(filter.to())) {
                result.add(new DayClosePanel(
                        dayReports,
                        filter,
                        store.getValue() == null
                                ? ZoneId.of("UTC")
                                : store.getValue().timeZone(),
                        this::show));
            }
        }
    }

    private Grid<List<Object>> grid(ReportTable table) {
        Grid<List<Object>> grid = new Grid<>();
        grid.setId("report-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(table.rows().size() <= 40);
        for (int c = 0; c < table.columns().size(); c++) {
            int index = c;
            Grid.Column<List<Object>> column = grid.addColumn(row -> ReportFiles.text(row.get(index), getLocale()))
                    .setHeader(table.columns().get(c))
                    .setResizable(true)
                    .setAutoWidth(true)
                    .setComparator(row -> comparable(row.get(index)));
            column.setSortable(true);
            if (c > 0) {
                column.setTextAlign(ColumnTextAlign.END);
            }
        }
        grid.setItems(table.rows());
        if (table.totals() != null) {
            FooterRow footer = grid.appendFooterRow();
            for (int c = 0; c < table.columns().size(); c++) {
                Span total = new Span(ReportFiles.text(table.totals().get(c), getLocale()));
                total.setId("report-total-" + c);
                total.getStyle().set("font-weight", "600");
                footer.getCell(grid.getColumns().get(c)).setComponent(total);
            }
        }
        return grid;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Comparable comparable(Object cell) {
        return switch (cell) {
            case null -> "";
            case Money money -> money.minor();
            case Long count -> count;
            case ReportTable.Share share -> share.basisPoints();
            default -> cell.toString();
        };
    }

    private Div exports(ReportTable table) {
        String name = "report-" + table.key().toLowerCase() + "-" + from.getValue() + "-" + to.getValue();
        Anchor csv = download(
                "report-export-csv",
                name + ".csv",
                "text/csv",
                () -> ReportFiles.csv(table).getBytes(StandardCharsets.UTF_8),
                "report.export.csv");
        Anchor xlsx = download(
                "report-export-xlsx", name + ".xlsx", XLSX, () -> ReportFiles.xlsx(table), "report.export.xlsx");
        Anchor pdf = download(
                "report-export-pdf",
                name + ".pdf",
                "application/pdf",
                () -> ReportFiles.pdf(table, getLocale()),
                "report.export.pdf");
        Div links = new Div(csv, xlsx, pdf, salesExport(), mailMe());
        links.addClassName("lapak-report-exports");
        links.getStyle()
                .set("display", "flex")
                .set("flex-wrap", "wrap")
                .set("gap", "var(--lumo-space-m)")
                .set("margin", "var(--lumo-space-s) 0");
        return links;
    }

    /** The report by e-mail to oneself, in a chosen format: built in the background, sent through the outbox. */
    private Div mailMe() {
        Select<ReportFormat> format = new Select<>();
        format.setId("report-mail-format");
        format.setItems(ReportFormat.values());
        format.setItemLabelGenerator(f -> getTranslation("report.format." + f.name()));
        format.setValue(ReportFormat.PDF);
        format.setWidth("10em");
        format.setAriaLabel(getTranslation("report.mailMe"));
        ReportKind report = kind.getValue();
        ReportFilter filter = filter();
        Button send = new Button(getTranslation("report.mailMe"), VaadinIcon.ENVELOPE.create(), e -> {
            try {
                var queued = mail.send(report, filter, format.getValue(), getLocale(), names);
                Notification.show(
                                getTranslation("report.mailMe.queued", queued.email()),
                                5000,
                                Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidReportFilterException refused) {
                Notification.show(getTranslation(refused.getMessage()), 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        send.setId("report-mail-send");
        Div mailMe = new Div(format, send);
        mailMe.getStyle()
                .set("display", "flex")
                .set("gap", "var(--lumo-space-s)")
                .set("align-items", "center");
        return mailMe;
    }

    /**
     * Every sale of the filter as CSV, streamed from a database cursor while the browser downloads it: millions of
     * rows in constant memory, the page free meanwhile.
     */
    private Anchor salesExport() {
        ReportFilter filter = filter();
        Locale locale = getLocale();
        String name = "sales-" + from.getValue() + "-" + to.getValue() + ".csv";
        Anchor link = new Anchor(
                (DownloadHandler) event -> {
                    event.setFileName(name);
                    event.setContentType("text/csv");
                    try (Writer out = new BufferedWriter(
                            new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8), 64 * 1024)) {
                        saleExport.write(filter, out, key -> getTranslation(locale, key));
                    }
                },
                getTranslation("report.export.sales"));
        link.setId("report-export-sales");
        link.getElement().setAttribute("download", true);
        return link;
    }

    /** The file is built when the browser asks for it, on the download's own request, not in the page's. */
    private Anchor download(String id, String fileName, String type, Supplier<byte[]> content, String label) {
        Anchor link = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    byte[] bytes = content.get();
                    return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, type, bytes.length);
                }),
                getTranslation(label));
        link.setId(id);
        link.getElement().setAttribute("download", true);
        return link;
    }

    private Paragraph changedNote(ReportFilter filter) {
        int changed = reports.changes(filter).size();
        Paragraph note = new Paragraph(
                changed == 0 ? getTranslation("report.changes.none") : getTranslation("report.changes.some", changed));
        note.setId("report-changes-note");
        return note;
    }
}

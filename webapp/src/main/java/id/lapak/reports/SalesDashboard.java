package id.lapak.reports;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import id.lapak.reports.ReportService.Comparison;
import id.lapak.reports.ReportService.Line;
import id.lapak.tenant.money.Money;
import id.lapak.tenant.store.StoreDetails;
import id.lapak.ui.EChart;
import java.text.NumberFormat;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;

/**
 * The landing page's figures for a merchant admin or a store manager: the period's key figures beside the previous
 * period (and the same day last week for today), sales by hour and by day, the payment mix, the best items, stores
 * and devices. Every figure comes from {@link ReportService}, the same as the reports.
 */
public class SalesDashboard extends VerticalLayout {

    /** The periods the dashboard offers. */
    enum Period {
        TODAY,
        WEEK,
        MONTH,
        LAST_30
    }

    private final ReportService reports;
    private final ZoneId zone;
    private final RadioButtonGroup<Period> period = new RadioButtonGroup<>();
    private final ComboBox<StoreDetails> store = new ComboBox<>();
    private final Div content = new Div();

    public SalesDashboard(ReportService reports, List<StoreDetails> stores, ZoneId zone) {
        this.reports = reports;
        this.zone = zone;
        setId("sales-dashboard");
        setPadding(false);
        setWidthFull();
        period.setId("dashboard-period");
        period.setItems(Period.values());
        period.setItemLabelGenerator(p -> getTranslation("dashboard.period." + p.name()));
        period.setValue(Period.TODAY);
        store.setId("dashboard-store");
        store.setItems(stores);
        store.setItemLabelGenerator(StoreDetails::name);
        store.setPlaceholder(getTranslation("report.filter.allStores"));
        store.setClearButtonVisible(true);
        FlexLayout bar = new FlexLayout(period, store);
        bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        bar.setAlignItems(Alignment.BASELINE);
        bar.getStyle().set("gap", "var(--lumo-space-m)");
        period.addValueChangeListener(e -> show());
        store.addValueChangeListener(e -> show());
        content.setWidthFull();
        add(bar, content);
        show();
    }

    /** For today: the same weekday a week earlier, net sales and transactions. */
    private Span sameDayLastWeek(Figures lastWeek) {
        Span same = new Span(getTranslation(
                "dashboard.compare.lastWeek",
                lastWeek.net().format(getLocale()),
                NumberFormat.getIntegerInstance(getLocale()).format(lastWeek.transactions())));
        same.setId("dashboard-same-day-last-week");
        same.addClassName("lapak-muted");
        return same;
    }

    ReportFilter filter() {
        LocalDate today = LocalDate.now(zone);
        LocalDate first = switch (period.getValue() == null ? Period.TODAY : period.getValue()) {
            case TODAY -> today;
            case WEEK -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> today.withDayOfMonth(1);
            case LAST_30 -> today.minusDays(29);
        };
        UUID storeId = store.getValue() == null ? null : store.getValue().id();
        return new ReportFilter(first, today, storeId, null, null);
    }

    private void show() {
        content.removeAll();
        ReportFilter filter = filter();
        Comparison comparison = reports.compare(filter);
        Figures now = comparison.current();
        Figures before = comparison.previous();
        FlexLayout cards = new FlexLayout(
                card("kpi-gross", "dashboard.kpi.gross", now.gross(), before.gross(), comparison),
                card("kpi-net", "dashboard.kpi.net", now.net(), before.net(), comparison),
                count("kpi-transactions", "dashboard.kpi.transactions", now.transactions(), before.transactions()),
                card("kpi-basket", "dashboard.kpi.basket", now.averageBasket(), before.averageBasket(), comparison),
                card("kpi-refunds", "dashboard.kpi.refunds", now.refunds(), before.refunds(), comparison),
                card("kpi-tips", "dashboard.kpi.tips", now.tips(), before.tips(), comparison),
                card("kpi-ppn", "dashboard.kpi.ppn", now.ppn(), before.ppn(), comparison),
                approval(now, before));
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.addClassName("lapak-cards");
        content.add(cards);
        if (comparison.sameDayLastWeek() != null) {
            content.add(sameDayLastWeek(comparison.sameDayLastWeek()));
        }

        EChart hours = new EChart("dashboard-hours", "260px");
        hours.setOption(ReportCharts.hours(
                reports.byHour(filter),
                reports.byHour(filter.previous()),
                getTranslation("dashboard.chart.thisPeriod"),
                getTranslation("dashboard.chart.previousPeriod"),
                getLocale()));
        ReportFilter month =
                filter.length() >= 7 ? filter : filter.withDays(filter.to().minusDays(13), filter.to());
        EChart days = new EChart("dashboard-days", "260px");
        days.setOption(ReportCharts.days(
                ReportCharts.shortDays(reports.byDay(month), getLocale()),
                getTranslation("report.column.net"),
                getTranslation("report.column.transactions"),
                getLocale()));
        List<Line> methods = reports.byPaymentMethod(filter);
        EChart mix = new EChart("dashboard-mix", "260px");
        mix.setOption(ReportCharts.mix(methods, key -> methodName(key), getLocale()));
        content.add(section("dashboard.chart.hours", hours), section("dashboard.chart.days", days));

        FlexLayout tables = new FlexLayout(
                panel("dashboard.chart.mix", mix),
                panel("dashboard.top.items", ranking("dashboard-top-items", reports.byItem(filter), true)),
                panel("dashboard.top.stores", ranking("dashboard-top-stores", reports.byStore(filter), false)),
                panel("dashboard.top.devices", ranking("dashboard-top-devices", reports.byDevice(filter), false)));
        tables.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        tables.getStyle().set("gap", "var(--lumo-space-l)");
        content.add(tables);
        Anchor more = new Anchor("reports", getTranslation("dashboard.reports.link"));
        more.setId("dashboard-reports-link");
        content.add(more);
    }

    private String methodName(String key) {
        String[] parts = key.split("/", 2);
        String brand = parts[0].isEmpty()
                ? getTranslation("settlement.brand.UNKNOWN")
                : getTranslation("settlement.brand." + parts[0]);
        return brand + " · " + getTranslation("report.mode." + parts[1]);
    }

    private Component section(String title, Component body) {
        Div div = new Div(new H3(getTranslation(title)), body);
        div.setWidthFull();
        return div;
    }

    private Component panel(String title, Component body) {
        Div div = new Div(new H3(getTranslation(title)), body);
        div.getStyle().set("flex", "1 1 320px").set("min-width", "280px");
        return div;
    }

    private Grid<Line> ranking(String id, List<Line> lines, boolean quantity) {
        Grid<Line> grid = new Grid<>();
        grid.setId(id);
        // Names wrap rather than being cut in a narrow panel; the figures keep their width.
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(Line::label)
                .setHeader(getTranslation("report.column.name"))
                .setFlexGrow(1);
        grid.addColumn(l -> NumberFormat.getIntegerInstance(getLocale())
                        .format(l.figures().transactions()))
                .setHeader(getTranslation(quantity ? "report.column.quantity" : "report.column.transactions"))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(l -> l.figures().collected().format(getLocale()))
                .setHeader(getTranslation("report.column.net"))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setItems(lines.stream().limit(5).toList());
        return grid;
    }

    private Component card(String id, String label, Money now, Money before, Comparison comparison) {
        return card(id, label, now.format(getLocale()), change(now.minor(), before.minor()));
    }

    private Component count(String id, String label, long now, long before) {
        return card(id, label, NumberFormat.getIntegerInstance(getLocale()).format(now), change(now, before));
    }

    private Component approval(Figures now, Figures before) {
        long bp = now.approvalBasisPoints();
        String value = bp < 0 ? "–" : percent(bp);
        long previous = before.approvalBasisPoints();
        String compare = previous < 0
                ? getTranslation("dashboard.compare.none")
                : getTranslation("dashboard.compare.previous", percent(previous));
        return card("kpi-approval", "dashboard.kpi.approval", value, compare);
    }

    private String percent(long basisPoints) {
        NumberFormat format = NumberFormat.getPercentInstance(getLocale());
        format.setMaximumFractionDigits(1);
        return format.format(basisPoints / 10_000.0);
    }

    private String change(long now, long before) {
        if (before == 0) {
            return now == 0 ? getTranslation("dashboard.compare.same") : getTranslation("dashboard.compare.none");
        }
        long bp = Math.round((now - before) * 10_000.0 / Math.abs(before));
        return getTranslation("dashboard.compare.change", (bp >= 0 ? "+" : "−") + percent(Math.abs(bp)));
    }

    private Component card(String id, String label, String value, String compare) {
        Span number = new Span(value);
        number.setId(id);
        number.addClassName("lapak-card-number");
        Span vs = new Span(compare);
        vs.setId(id + "-compare");
        vs.addClassName("lapak-muted");
        Div card = new Div(number, new Span(getTranslation(label)), vs);
        card.addClassName("lapak-card");
        return card;
    }
}

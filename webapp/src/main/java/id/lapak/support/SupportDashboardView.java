package id.lapak.support;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import id.lapak.support.SupportDashboard.DeclineCode;
import id.lapak.support.SupportDashboard.Figures;
import id.lapak.ui.EChart;
import id.lapak.ui.MainLayout;
import id.lapak.ui.PortalDates;
import jakarta.annotation.security.RolesAllowed;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Support's platform dashboard, last 24 hours: tenants with a sale, devices online, payments per minute (and per
 * hour as a chart), the approval rate and the most frequent decline codes.
 */
@Route(value = "support/dashboard", layout = MainLayout.class)
@PageTitle("Lapak · Platform dashboard")
@RolesAllowed("SUPPORT")
class SupportDashboardView extends VerticalLayout {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SupportDashboard dashboard;
    private final Div content = new Div();

    SupportDashboardView(SupportDashboard dashboard) {
        this.dashboard = dashboard;
        setId("support-dashboard");
        setWidthFull();
        Button refresh =
                new Button(getTranslation("support.dashboard.refresh"), VaadinIcon.REFRESH.create(), e -> show());
        refresh.setId("support-dashboard-refresh");
        add(new H2(getTranslation("support.dashboard.title")), refresh);
        content.setWidthFull();
        add(content);
        show();
    }

    private void show() {
        Figures f = dashboard.last24Hours();
        content.removeAll();
        NumberFormat count = NumberFormat.getIntegerInstance(getLocale());
        DateTimeFormatter time = PortalDates.dateTime(getLocale(), ZoneId.of("Asia/Jakarta"));
        content.add(
                new Paragraph(getTranslation("support.dashboard.window", time.format(f.from()), time.format(f.to()))));
        content.add(cards(f, count));

        content.add(new H3(getTranslation("support.dashboard.chart")));
        content.add(chart(f));

        content.add(new H3(getTranslation("support.dashboard.declines")));
        content.add(declines(f, count));
        if (f.declineCodes().isEmpty()) {
            content.add(new Paragraph(getTranslation("support.dashboard.noDeclines")));
        }
    }

    /** The key figures, one card each. */
    private FlexLayout cards(Figures f, NumberFormat count) {
        NumberFormat rate = NumberFormat.getNumberInstance(getLocale());
        rate.setMaximumFractionDigits(2);
        NumberFormat percent = NumberFormat.getPercentInstance(getLocale());
        percent.setMaximumFractionDigits(1);
        Long approval = f.approvalRateBasisPoints();
        FlexLayout cards = new FlexLayout(
                card("support-kpi-tenants", "support.dashboard.tenantsActive", count.format(f.tenantsActive())),
                card(
                        "support-kpi-devices",
                        "support.dashboard.devicesOnline",
                        getTranslation(
                                "support.dashboard.ofActive",
                                count.format(f.devicesOnline()),
                                count.format(f.devicesActive()))),
                card("support-kpi-rate", "support.dashboard.paymentsPerMinute", rate.format(f.paymentsPerMinute())),
                card("support-kpi-payments", "support.dashboard.payments", count.format(f.payments())),
                card(
                        "support-kpi-approval",
                        "support.dashboard.approvalRate",
                        approval == null ? "–" : percent.format(approval / 10_000.0)));
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.addClassName("lapak-cards");
        return cards;
    }

    /** Payments per minute, hour by hour. */
    private EChart chart(Figures f) {
        EChart chart = new EChart("support-dashboard-minutes", "240px");
        DateTimeFormatter hour = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of("Asia/Jakarta"));
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("lapakNumbers", EChart.numbers(Currency.getInstance("IDR"), getLocale()));
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put(
                "xAxis",
                Map.of(
                        "type",
                        "category",
                        "data",
                        f.hours().stream().map(h -> hour.format(h.start())).toList()));
        option.put("yAxis", Map.of("type", "value", "lapakFormat", "number"));
        NumberFormat rate = NumberFormat.getNumberInstance(getLocale());
        rate.setMaximumFractionDigits(2);
        option.put(
                "series",
                List.of(Map.of(
                        "name",
                        getTranslation("support.dashboard.paymentsPerMinute"),
                        "type",
                        "bar",
                        "data",
                        f.hours().stream()
                                .map(h -> Math.round(h.perMinute() * 100) / 100.0)
                                .toList(),
                        "lapakText",
                        f.hours().stream()
                                .map(h -> rate.format(Math.round(h.perMinute() * 100) / 100.0))
                                .toList())));
        chart.setOption(JSON.writeValueAsString(option));
        return chart;
    }

    /** The most frequent decline codes with their reasons and counts. */
    private Grid<DeclineCode> declines(Figures f, NumberFormat count) {
        Grid<DeclineCode> declines = new Grid<>();
        declines.setId("support-dashboard-declines");
        declines.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        declines.setAllRowsVisible(true);
        declines.addColumn(DeclineCode::code)
                .setHeader(getTranslation("support.dashboard.declineCode"))
                .setAutoWidth(true);
        declines.addColumn(d -> d.reason() == null ? "" : d.reason())
                .setHeader(getTranslation("support.dashboard.declineReason"))
                .setFlexGrow(1);
        declines.addColumn(d -> count.format(d.count()))
                .setHeader(getTranslation("support.dashboard.declineCount"))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        declines.setItems(f.declineCodes());
        return declines;
    }

    private Component card(String id, String label, String value) {
        Span number = new Span(value);
        number.setId(id);
        number.addClassName("lapak-card-number");
        Div card = new Div(number, new Span(getTranslation(label)));
        card.addClassName("lapak-card");
        return card;
    }
}

package id.lapak.tenantbilling;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import id.lapak.billing.subscription.BillingMetrics;
import id.lapak.billing.subscription.SupportBilling;
import id.lapak.tenant.json.JsonText;
import id.lapak.ui.EChart;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

/** MRR and ARR, tenants per plan, and revenue invoiced per month as a bar chart. */
class MetricsPanel extends Div {

    private final SupportBilling billing;
    private final Paragraph figures = new Paragraph();
    private final Paragraph perPlan = new Paragraph();
    private final EChart chart = new EChart("support-billing-revenue", "16em");

    MetricsPanel(SupportBilling billing) {
        this.billing = billing;
        setWidthFull();
        figures.setId("support-billing-mrr");
        perPlan.setId("support-billing-per-plan");
        add(figures, perPlan, chart);
        refresh();
    }

    void refresh() {
        BillingMetrics metrics = billing.metrics();
        figures.setText(getTranslation(
                "supportBilling.mrr",
                metrics.mrr().format(getLocale()),
                metrics.arr().format(getLocale())));
        perPlan.setText(getTranslation("supportBilling.perPlan") + ": "
                + metrics.tenantsPerPlan().entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(" · ")));
        DateTimeFormatter month = DateTimeFormatter.ofPattern("MMM yyyy", getLocale());
        String labels = metrics.revenue().stream()
                .map(r -> JsonText.quote(r.month().atDay(1).format(month)))
                .collect(Collectors.joining(","));
        String values = metrics.revenue().stream()
                .map(r -> Long.toString(r.revenue().minor()))
                .collect(Collectors.joining(","));
        chart.setOption("{\"tooltip\":{},\"xAxis\":{\"type\":\"category\",\"data\":[" + labels
                + "]},\"yAxis\":{\"type\":\"value\"},\"series\":[{\"name\":"
                + JsonText.quote(getTranslation("supportBilling.revenue")) + ",\"type\":\"bar\",\"data\":[" + values
                + "]}]}");
    }
}

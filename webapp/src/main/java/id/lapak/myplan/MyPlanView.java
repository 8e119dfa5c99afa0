package id.lapak.myplan;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import id.lapak.billing.subscription.InvoiceDraft;
import id.lapak.billing.subscription.InvoiceLine;
import id.lapak.billing.subscription.InvoiceRow;
import id.lapak.billing.subscription.InvoiceTexts;
import id.lapak.billing.subscription.OwnBilling;
import id.lapak.billing.subscription.PlanPrice;
import id.lapak.tenant.money.Money;
import id.lapak.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * What the tenant pays Lapak and why: today's plan, this month's usage and estimated invoice (live, computed as the
 * invoice will be), and every invoice and note with its status and PDF.
 */
@Route(value = "billing", layout = MainLayout.class)
@PageTitle("Lapak · Plan and invoices")
@RolesAllowed("MERCHANT_ADMIN")
class MyPlanView extends VerticalLayout {

    private final OwnBilling billing;
    private final Div invoicePanel = new Div();

    MyPlanView(OwnBilling billing) {
        this.billing = billing;
        setId("my-plan");
        setWidthFull();
        add(new H2(getTranslation("myPlan.title")));
        add(plan());
        add(new H3(getTranslation("myPlan.estimate")), estimate());
        add(new H3(getTranslation("myPlan.invoices")), invoices(), invoicePanel);
    }

    private Paragraph plan() {
        Paragraph plan = new Paragraph();
        plan.setId("my-plan-current");
        PlanPrice price = billing.currentPlan().orElse(null);
        if (price == null) {
            plan.setText(getTranslation("myPlan.none"));
            return plan;
        }
        plan.setText(getTranslation(
                "myPlan.current",
                price.planName(),
                price.monthlyFee().format(getLocale()),
                price.deviceFee().format(getLocale()),
                getTranslation("billing.interval." + price.interval()).toLowerCase(getLocale())));
        return plan;
    }

    private Grid<InvoiceLine> estimate() {
        InvoiceDraft draft = billing.estimate();
        Grid<InvoiceLine> grid = lines(draft.currency());
        grid.setId("my-plan-estimate");
        grid.setItems(draft.lines());
        grid.getColumns().get(0).setFooter(getTranslation("billing.column.total"));
        grid.getColumns().get(1).setFooter(draft.total().format(getLocale()));
        return grid;
    }

    private Grid<InvoiceLine> lines(String currency) {
        Grid<InvoiceLine> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(l -> InvoiceTexts.describe(l, currency, getLocale(), this::getTranslation))
                .setHeader(getTranslation("billing.column.description"))
                .setFlexGrow(3);
        grid.addColumn(l -> Money.of(l.amountMinor(), currency).format(getLocale()))
                .setHeader(getTranslation("billing.column.amount"))
                .setTextAlign(ColumnTextAlign.END);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private Grid<InvoiceRow> invoices() {
        Grid<InvoiceRow> grid = new Grid<>();
        grid.setId("my-plan-invoices");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(InvoiceRow::number)
                .setHeader(getTranslation("billing.column.number"))
                .setAutoWidth(true);
        grid.addColumn(i -> getTranslation("billing.kind." + i.kind()))
                .setHeader(getTranslation("billing.column.kind"));
        grid.addColumn(i -> month(i.period())).setHeader(getTranslation("billing.column.period"));
        grid.addColumn(i -> i.total().format(getLocale()))
                .setHeader(getTranslation("billing.column.total"))
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(i -> i.dueOn()
                        .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                                .withLocale(getLocale())))
                .setHeader(getTranslation("billing.column.due"));
        grid.addColumn(i -> getTranslation(i.statusKey()))
                .setAutoWidth(true)
                .setHeader(getTranslation("billing.column.status"));
        grid.setItems(billing.invoices());
        grid.setHeight("16em");
        grid.addSelectionListener(e -> {
            invoicePanel.removeAll();
            e.getFirstSelectedItem().ifPresent(this::showInvoice);
        });
        return grid;
    }

    private void showInvoice(InvoiceRow invoice) {
        String currency = invoice.total().currency().getCurrencyCode();
        Grid<InvoiceLine> lines = lines(currency);
        lines.setId("my-plan-invoice-lines");
        lines.setItems(billing.lines(invoice.id()));
        lines.getColumns().get(0).setFooter(getTranslation("billing.column.total"));
        lines.getColumns().get(1).setFooter(invoice.total().format(getLocale()));
        byte[] pdf = billing.pdf(invoice.id(), getLocale(), this::getTranslation);
        Anchor link = new Anchor(
                DownloadHandler.fromInputStream(event -> new DownloadResponse(
                        new ByteArrayInputStream(pdf),
                        invoice.number().replace('/', '-') + ".pdf",
                        "application/pdf",
                        pdf.length)),
                getTranslation("billing.pdf"));
        link.setId("my-plan-invoice-pdf");
        link.getElement().setAttribute("download", true);
        Paragraph total = new Paragraph(getTranslation(
                "myPlan.invoiceTotal", invoice.number(), invoice.total().format(getLocale())));
        total.setId("my-plan-invoice-total");
        invoicePanel.add(total, lines, link);
    }

    private String month(YearMonth month) {
        Locale locale = getLocale();
        return month.atDay(1).format(DateTimeFormatter.ofPattern("MMMM yyyy", locale));
    }
}

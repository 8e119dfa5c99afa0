package id.lapak.tenantbilling;

import java.io.ByteArrayInputStream;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import id.lapak.billing.subscription.BillingRefused;
import id.lapak.billing.subscription.InvoiceCollection;
import id.lapak.billing.subscription.InvoiceRow;
import id.lapak.billing.subscription.SupportBilling;

/**
 * Every tenant's invoices and notes with status (or only the overdue ones), loaded page by page; the selected one's
 * PDF, and recording its payment with a reference (a second time is refused with a message).
 */
class InvoicesPanel extends VerticalLayout {

    private final SupportBilling billing;
    private final InvoiceCollection collection;
    private final Grid<InvoiceRow> grid = new Grid<>();
    private final Checkbox overdue = new Checkbox();
    private final HorizontalLayout actions = new HorizontalLayout();

    InvoicesPanel(SupportBilling billing, InvoiceCollection collection) {
        this.billing = billing;
        this.collection = collection;
        setPadding(false);
        setWidthFull();
        overdue.setLabel(getTranslation("supportBilling.onlyOverdue"));
        overdue.setId("support-billing-overdue");
        overdue.addValueChangeListener(e -> refresh());
        grid.setId("support-billing-invoices");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(InvoiceRow::tenantName).setHeader(getTranslation("billing.column.tenant")).setAutoWidth(true);
        grid.addColumn(InvoiceRow::number).setHeader(getTranslation("billing.column.number")).setAutoWidth(true);
        grid.addColumn(i -> getTranslation("billing.kind." + i.kind())).setHeader(getTranslation("billing.column.kind"));
        grid.addColumn(i -> i.period().atDay(1).format(DateTimeFormatter.ofPattern("MMM yyyy", getLocale())))
                .setHeader(getTranslation("billing.column.period"));
        grid.addColumn(i -> i.total().format(getLocale())).setHeader(getTranslation("billing.column.total"))
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(i -> i.dueOn().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(getLocale()))).setHeader(getTranslation("billing.column.due"));
        grid.addColumn(i -> getTranslation(i.overdue() ? "billing.status.OVERDUE" : "billing.status." + i.status()))
                .setHeader(getTranslation("billing.column.status"));
        grid.setHeight("20em");
        grid.addSelectionListener(e -> {
            actions.removeAll();
            e.getFirstSelectedItem().ifPresent(this::actions);
        });
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        actions.setWrap(true);
        add(overdue, grid, actions);
        refresh();
    }

    void refresh() {
        boolean only = overdue.getValue();
        grid.setItems(query -> billing.invoices(null, only, query.getLimit(), query.getOffset()).stream());
    }

    private void actions(InvoiceRow invoice) {
        byte[] pdf = billing.pdf(invoice.tenantId(), invoice.id(), getLocale(), this::getTranslation);
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(pdf), invoice.number().replace('/', '-') + ".pdf", "application/pdf",
                pdf.length)), getTranslation("billing.pdf"));
        link.setId("support-billing-pdf");
        link.getElement().setAttribute("download", true);
        actions.add(link);
        if (invoice.status() != InvoiceRow.InvoiceStatus.OPEN) {
            return;
        }
        TextField reference = new TextField(getTranslation("billing.field.reference"));
        reference.setId("support-billing-reference");
        Button paid = new Button(getTranslation("billing.markPaid"), e -> {
            try {
                collection.markPaid(invoice.tenantId(), invoice.id(), reference.getValue());
                Notification.show(getTranslation("billing.paid", invoice.number()));
                refresh();
            } catch (BillingRefused refused) {
                reference.setErrorMessage(getTranslation(refused.fieldErrors().values().iterator().next()));
                reference.setInvalid(true);
            }
        });
        paid.setId("support-billing-mark-paid");
        actions.add(reference, paid);
    }
}

package id.lapak.tenantbilling;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import id.lapak.billing.subscription.BillingRefused;
import id.lapak.billing.subscription.CreditNotes;
import id.lapak.billing.subscription.InvoiceCollection;
import id.lapak.billing.subscription.InvoiceRow;
import id.lapak.billing.subscription.SupportBilling;
import id.lapak.tenant.money.Money;
import id.lapak.tenant.money.MoneyFormatException;
import java.io.ByteArrayInputStream;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;

/**
 * Every tenant's invoices and notes with status (or only the overdue ones), loaded page by page; the selected one's
 * PDF, recording its payment with a reference (a second time is refused with a message), and crediting part or
 * all of an invoice with a reason (a credit note; more than is left of the invoice is refused on the field).
 */
class InvoicesPanel extends VerticalLayout {

    private final SupportBilling billing;
    private final InvoiceCollection collection;
    private final CreditNotes creditNotes;
    private final Grid<InvoiceRow> grid = new Grid<>();
    private final Checkbox overdue = new Checkbox();
    private final HorizontalLayout actions = new HorizontalLayout();

    InvoicesPanel(SupportBilling billing, InvoiceCollection collection, CreditNotes creditNotes) {
        this.billing = billing;
        this.collection = collection;
        this.creditNotes = creditNotes;
        setPadding(false);
        setWidthFull();
        overdue.setLabel(getTranslation("supportBilling.onlyOverdue"));
        overdue.setId("support-billing-overdue");
        overdue.addValueChangeListener(e -> refresh());
        grid.setId("support-billing-invoices");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(InvoiceRow::tenantName)
                .setHeader(getTranslation("billing.column.tenant"))
                .setAutoWidth(true);
        grid.addColumn(InvoiceRow::number)
                .setHeader(getTranslation("billing.column.number"))
                .setAutoWidth(true);
        grid.addColumn(i -> getTranslation("billing.kind." + i.kind()))
                .setHeader(getTranslation("billing.column.kind"));
        grid.addColumn(i -> i.period().atDay(1).format(DateTimeFormatter.ofPattern("MMM yyyy", getLocale())))
                .setHeader(getTranslation("billing.column.period"));
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
        Anchor link = new Anchor(
                DownloadHandler.fromInputStream(event -> new DownloadResponse(
                        new ByteArrayInputStream(pdf),
                        invoice.number().replace('/', '-') + ".pdf",
                        "application/pdf",
                        pdf.length)),
                getTranslation("billing.pdf"));
        link.setId("support-billing-pdf");
        link.getElement().setAttribute("download", true);
        actions.add(link);
        if (invoice.kind() == InvoiceRow.DocumentKind.INVOICE
                && invoice.status() != InvoiceRow.InvoiceStatus.CREDITED) {
            Button credit = new Button(getTranslation("billing.creditNote"), e -> openCreditNote(invoice));
            credit.setId("support-billing-credit");
            actions.add(credit);
        }
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
                reference.setErrorMessage(
                        getTranslation(refused.fieldErrors().values().iterator().next()));
                reference.setInvalid(true);
            }
        });
        paid.setId("support-billing-mark-paid");
        actions.add(reference, paid);
    }

    private void openCreditNote(InvoiceRow invoice) {
        Dialog dialog = new Dialog(getTranslation("billing.creditNote") + " · " + invoice.number());
        TextField amount = new TextField(getTranslation("billing.field.creditAmount"));
        amount.setId("support-billing-credit-amount");
        amount.setPrefixComponent(new Span(invoice.total().currency().getSymbol(getLocale())));
        TextArea reason = new TextArea(getTranslation("billing.field.creditReason"));
        reason.setId("support-billing-credit-reason");
        Map<String, HasValidation> fields = Map.of("amount", amount, "reason", reason);
        Button issue = new Button(getTranslation("billing.creditNote"), e -> {
            fields.values().forEach(f -> f.setInvalid(false));
            Money value;
            try {
                value = amount.getValue().isBlank()
                        ? Money.zero(invoice.total().currency())
                        : Money.parse(amount.getValue(), invoice.total().currency(), getLocale());
            } catch (MoneyFormatException ex) {
                amount.setErrorMessage(getTranslation(ex.messageKey()));
                amount.setInvalid(true);
                return;
            }
            try {
                String number = creditNotes.credit(invoice.tenantId(), invoice.id(), value, reason.getValue());
                dialog.close();
                Notification.show(getTranslation("billing.credited", number));
                refresh();
            } catch (BillingRefused refused) {
                refused.fieldErrors().forEach((field, key) -> {
                    HasValidation target = fields.getOrDefault(field, amount);
                    target.setErrorMessage(getTranslation(key));
                    target.setInvalid(true);
                });
            }
        });
        issue.setId("support-billing-credit-issue");
        issue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(amount, reason));
        dialog.getFooter().add(new Button(getTranslation("adjustment.cancel"), e -> dialog.close()), issue);
        dialog.open();
    }
}

package id.lapak.tenantbilling;

import id.lapak.billing.subscription.InvoiceDocuments;
import id.lapak.billing.subscription.InvoiceIssued;
import id.lapak.billing.subscription.InvoiceOverdue;
import id.lapak.catalog.mail.MailKind;
import id.lapak.catalog.mail.MailOutbox;
import id.lapak.mail.TenantAdmins;
import id.lapak.mail.Translations;
import id.lapak.tenant.money.Money;
import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tenant billing e-mails to the tenant's admins ({@link TenantAdmins}), through the e-mail outbox in the transaction that decided
 * them (a rolled-back run sends nothing; an SMTP server that is down only delays them): an issued invoice or note
 * with its PDF attached, and the reminder of an overdue invoice naming the day the account will be suspended. In
 * the tenant's language (Indonesian for a tenant in Indonesia, English otherwise).
 */
@Component
class InvoiceMailer {

    private final MailOutbox outbox;
    private final InvoiceDocuments documents;
    private final TenantAdmins admins;
    private final String from;

    InvoiceMailer(
            MailOutbox outbox,
            InvoiceDocuments documents,
            TenantAdmins admins,
            @Value("${lapak.mail.from:Lapak <no-reply@lapak.local>}") String from) {
        this.outbox = outbox;
        this.documents = documents;
        this.admins = admins;
        this.from = from;
    }

    @EventListener
    void issued(InvoiceIssued issued) {
        TenantAdmins.Recipients admin = admins.of(issued.tenantId()).orElse(null);
        if (admin == null) {
            return;
        }
        Function<String, String> t = Translations.of(admin.locale());
        InvoiceDocuments.Document document = documents.of(issued.invoiceId(), admin.locale(), t);
        String total = document.invoice().total().format(admin.locale());
        String period =
                document.invoice().period().atDay(1).format(DateTimeFormatter.ofPattern("MMMM yyyy", admin.locale()));
        String due = document.invoice()
                .dueOn()
                .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(admin.locale()));
        String kind = t.apply("billing.kind." + document.invoice().kind());
        outbox.enqueue(
                MailKind.SAAS_INVOICE,
                from,
                admin.emails(),
                MessageFormat.format(t.apply("billingMail.invoice.subject"), kind, issued.number(), period),
                MessageFormat.format(t.apply("billingMail.invoice.body"), kind, issued.number(), period, total, due),
                false,
                List.of(new MailOutbox.Attachment(
                        issued.number().replace('/', '-') + ".pdf", "application/pdf", document.pdf())));
    }

    @EventListener
    void overdue(InvoiceOverdue overdue) {
        TenantAdmins.Recipients admin = admins.of(overdue.tenantId()).orElse(null);
        if (admin == null) {
            return;
        }
        Function<String, String> t = Translations.of(admin.locale());
        DateTimeFormatter date =
                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(admin.locale());
        outbox.enqueue(
                MailKind.SAAS_INVOICE_REMINDER,
                from,
                admin.emails(),
                MessageFormat.format(t.apply("billingMail.reminder.subject"), overdue.number()),
                MessageFormat.format(
                        t.apply("billingMail.reminder.body"),
                        overdue.number(),
                        Money.of(overdue.totalMinor(), overdue.currency()).format(admin.locale()),
                        overdue.dueOn().format(date),
                        overdue.suspensionOn().format(date)),
                false);
    }
}

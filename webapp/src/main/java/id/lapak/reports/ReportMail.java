package id.lapak.reports;

import id.lapak.catalog.mail.MailKind;
import id.lapak.catalog.mail.MailOutbox;
import id.lapak.reports.ReportSubscribers.Subscriber;
import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.access.LapakUser;
import id.lapak.tenant.context.TenantContext;
import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A report e-mailed to the person who asks for it: the address is checked at once, then the report is built in the
 * background as that person (their stores only) and queued in the outbox with the file attached, so the page stays
 * free and a mail server that is down only delays it.
 */
@Service
@PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'STORE_MANAGER')")
public class ReportMail {

    /** A report on its way: the address it goes to, and the outbox row once it is queued. */
    public record Queued(String email, CompletableFuture<UUID> mail) {}

    private final ReportTables tables;
    private final ReportSubscribers people;
    private final MailOutbox outbox;
    private final TransactionTemplate transaction;
    private final String from;
    private final Executor background;

    @Autowired
    ReportMail(
            ReportTables tables,
            ReportSubscribers people,
            MailOutbox outbox,
            PlatformTransactionManager transactions,
            @Value("${lapak.mail.from:Lapak <no-reply@lapak.local>}") String from) {
        this(tables, people, outbox, transactions, from, Executors.newVirtualThreadPerTaskExecutor());
    }

    ReportMail(
            ReportTables tables,
            ReportSubscribers people,
            MailOutbox outbox,
            PlatformTransactionManager transactions,
            String from,
            Executor background) {
        this.tables = tables;
        this.people = people;
        this.outbox = outbox;
        this.transaction = new TransactionTemplate(transactions);
        this.from = from;
        this.background = background;
    }

    /**
     * Queues the report for the signed-in person's address, in {@code locale}; {@code names} name the filter's store
     * and device.
     *
     * @throws InvalidReportFilterException {@code report.mailMe.noAddress} when the person has no address
     */
    public Queued send(
            ReportKind kind, ReportFilter filter, ReportFormat format, Locale locale, Map<UUID, String> names) {
        Function<String, String> labels = ScheduledReportSender.labels(locale);
        LapakUser user = CurrentUser.require();
        UUID tenant = TenantContext.requireTenant();
        String email = people.find(tenant, user.subject())
                .filter(Subscriber::enabled)
                .map(Subscriber::email)
                .filter(address -> address != null && !address.isBlank())
                .orElseThrow(() -> new InvalidReportFilterException("report.mailMe.noAddress"));
        SecurityContext person = SecurityContextHolder.getContext();
        CompletableFuture<UUID> mail = CompletableFuture.supplyAsync(
                () -> {
                    SecurityContextHolder.setContext(person);
                    try {
                        return TenantContext.callAs(
                                tenant,
                                () -> transaction.execute(
                                        status -> queue(kind, filter, format, locale, labels, names, email)));
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                },
                background);
        return new Queued(email, mail);
    }

    private UUID queue(
            ReportKind kind,
            ReportFilter filter,
            ReportFormat format,
            Locale locale,
            Function<String, String> labels,
            Map<UUID, String> names,
            String email) {
        ReportTable table = tables.build(kind, filter, locale, labels, names);
        DateTimeFormatter date =
                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        String period = filter.from().equals(filter.to())
                ? filter.from().format(date)
                : filter.from().format(date) + " – " + filter.to().format(date);
        String fileName = kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + filter.from()
                + (filter.from().equals(filter.to()) ? "" : "_" + filter.to()) + "." + format.extension();
        return outbox.enqueue(
                MailKind.REQUESTED_REPORT,
                from,
                List.of(email),
                MessageFormat.format(labels.apply("report.mail.subject"), table.title(), period),
                MessageFormat.format(labels.apply("report.mailMe.body"), table.title(), period),
                false,
                List.of(new MailOutbox.Attachment(fileName, format.contentType(), format.render(table, locale))));
    }
}

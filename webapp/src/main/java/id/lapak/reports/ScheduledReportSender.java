package id.lapak.reports;

import id.lapak.catalog.mail.MailKind;
import id.lapak.catalog.mail.MailOutbox;
import id.lapak.preferences.UserPreferences;
import id.lapak.reports.ReportFrequency.Period;
import id.lapak.reports.ReportSubscribers.Subscriber;
import id.lapak.tenant.access.LapakUser;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.audit.AuditActor;
import id.lapak.tenant.audit.AuditEvent;
import id.lapak.tenant.audit.AuditLog;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.tenant.context.TenantContext;
import java.sql.Timestamp;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the subscribed reports whose periods are due: every period that ended (at the subscription's local time on
 * the day after, in its zone) since the subscription became active and was not sent yet, oldest first, so a run after
 * a downtime catches up each missed period once. Each period is sent in one transaction that writes its delivery row
 * (unique per subscription and period) and queues the e-mail in the outbox: a second node or a rerun sends nothing.
 * The report is built as the subscriber, with the role and stores they subscribed with (and the cashier they narrowed
 * it to, printed with the other filters), narrowed to what the
 * identity provider says they may still see; a person who may see none of it any more gets nothing and their
 * subscription is paused.
 */
@Component
public class ScheduledReportSender {

    private static final Logger log = LoggerFactory.getLogger(ScheduledReportSender.class);

    /** Periods of one subscription sent in one run at most (the rest follow in the next runs). */
    static final int MAX_PERIODS_PER_RUN = 62;

    private final JdbcClient jdbc;
    private final PlatformAccess platform;
    private final TransactionTemplate transaction;
    private final ReportTables tables;
    private final MailOutbox outbox;
    private final UserPreferences preferences;
    private final ReportSubscribers subscribers;
    private final AuditLog audit;
    private final String from;

    ScheduledReportSender(
            JdbcClient jdbc,
            PlatformAccess platform,
            PlatformTransactionManager transactions,
            ReportTables tables,
            MailOutbox outbox,
            UserPreferences preferences,
            ReportSubscribers subscribers,
            AuditLog audit,
            @Value("${lapak.mail.from:Lapak <no-reply@lapak.local>}") String from) {
        this.jdbc = jdbc;
        this.platform = platform;
        this.transaction = new TransactionTemplate(transactions);
        this.tables = tables;
        this.outbox = outbox;
        this.preferences = preferences;
        this.subscribers = subscribers;
        this.audit = audit;
        this.from = from;
    }

    /** What a run did. */
    public record Outcome(int subscriptions, int sent, int refused, int failures) {}

    record Subscription(
            UUID tenantId,
            UUID id,
            String subject,
            String username,
            Role role,
            Set<UUID> storeIds,
            ReportKind kind,
            UUID storeId,
            ReportFrequency frequency,
            ReportFormat format,
            LocalTime sendAt,
            ZoneId zone,
            Instant activeSince,
            String cashier) {

        Instant dueAt(Period period) {
            return period.end().plusDays(1).atTime(sendAt).atZone(zone).toInstant();
        }
    }

    /** Sends every due period of every enabled subscription of every tenant, as of {@code now}. */
    public Outcome deliverDue(Instant now) {
        record Ref(UUID tenant, UUID id) {}
        List<Ref> refs = platform.call(
                "scheduled reports: list subscriptions",
                () -> jdbc.sql("""
                        select tenant_id, id from report_subscription where enabled order by tenant_id, id""")
                        .query((rs, n) -> new Ref(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                        .list());
        int sent = 0;
        int refused = 0;
        int failures = 0;
        for (Ref ref : refs) {
            try {
                int[] done = deliver(ref.tenant(), ref.id(), now);
                sent += done[0];
                refused += done[1];
            } catch (RuntimeException e) {
                failures++;
                log.error(
                        "Scheduled report {} of tenant {} could not be sent ({}); it is tried again in the next run",
                        ref.id(),
                        ref.tenant(),
                        e.getClass().getSimpleName(),
                        e);
            }
        }
        if (sent > 0 || refused > 0 || failures > 0) {
            log.info("Scheduled reports: {} sent, {} refused, {} subscriptions failed", sent, refused, failures);
        }
        return new Outcome(refs.size(), sent, refused, failures);
    }

    /** Sends the due periods of one subscription; returns {sent, refused}. */
    private int[] deliver(UUID tenant, UUID id, Instant now) {
        return AuditActor.system("scheduled-reports")
                .callAs(() -> TenantContext.callAs(tenant, () -> {
                    Optional<Subscription> found = transaction.execute(s -> load(tenant, id));
                    if (found.isEmpty()) {
                        return new int[] {0, 0};
                    }
                    Subscription subscription = found.get();
                    LocalDate last = transaction.execute(s -> jdbc.sql("""
                            select max(period_start) from report_delivery
                            where tenant_id = :tenant and subscription_id = :id""")
                            .param("tenant", tenant)
                            .param("id", id)
                            .query(LocalDate.class)
                            .optional()
                            .orElse(null));
                    List<Period> due = duePeriods(subscription, last, now);
                    if (due.isEmpty()) {
                        return new int[] {0, 0};
                    }
                    Optional<Subscriber> person = subscribers.find(tenant, subscription.subject());
                    Optional<LapakUser> reader = ReportReader.reader(subscription, person);
                    int sent = 0;
                    for (Period period : due) {
                        if (reader.isEmpty()) {
                            boolean refused =
                                    Boolean.TRUE.equals(transaction.execute(s -> refuse(subscription, period, now)));
                            return new int[] {sent, refused ? 1 : 0};
                        }
                        if (Boolean.TRUE.equals(transaction.execute(s -> {
                            if (send(
                                    subscription,
                                    reader.get(),
                                    person.orElseThrow().email(),
                                    period,
                                    now)) {
                                return true;
                            }
                            s.setRollbackOnly();
                            return false;
                        }))) {
                            sent++;
                        }
                    }
                    return new int[] {sent, 0};
                }));
    }

    /**
     * The periods to send, oldest first: from the first one due after the subscription became active (or the one
     * after the last sent), up to the last one due by {@code now}.
     */
    static List<Period> duePeriods(Subscription subscription, LocalDate lastSent, Instant now) {
        ReportFrequency frequency = subscription.frequency();
        Period period = frequency.previous(
                frequency.periodOf(LocalDate.ofInstant(subscription.activeSince(), subscription.zone())));
        if (!subscription.dueAt(period).isAfter(subscription.activeSince())) {
            period = frequency.next(period);
        }
        if (lastSent != null) {
            Period afterLast = frequency.next(frequency.periodOf(lastSent));
            if (afterLast.start().isAfter(period.start())) {
                period = afterLast;
            }
        }
        List<Period> due = new ArrayList<>();
        while (!subscription.dueAt(period).isAfter(now) && due.size() < MAX_PERIODS_PER_RUN) {
            due.add(period);
            period = frequency.next(period);
        }
        return due;
    }

    /** Claims the period and queues its e-mail; false when another run sent it first. */
    private boolean send(Subscription subscription, LapakUser reader, String email, Period period, Instant now) {
        if (delivered(subscription, period)) {
            return false;
        }
        Locale locale = locale(subscription);
        Function<String, String> labels = labels(locale);
        ReportTable table = ReportReader.asReader(
                reader,
                () -> tables.build(
                        subscription.kind(),
                        period.filter().withStore(subscription.storeId()).withCashier(subscription.cashier()),
                        locale,
                        labels,
                        names(subscription.tenantId())));
        String periodText = periodText(period, locale);
        String fileName = subscription.kind().name().toLowerCase(Locale.ROOT).replace('_', '-') + "-"
                + period.start() + (period.start().equals(period.end()) ? "" : "_" + period.end()) + "."
                + subscription.format().extension();
        UUID mail = outbox.enqueue(
                MailKind.SCHEDULED_REPORT,
                from,
                List.of(email),
                MessageFormat.format(labels.apply("report.mail.subject"), table.title(), periodText),
                MessageFormat.format(
                        labels.apply("report.mail.body"),
                        table.title(),
                        periodText,
                        labels.apply(
                                "report.frequency." + subscription.frequency().name())),
                false,
                List.of(new MailOutbox.Attachment(
                        fileName,
                        subscription.format().contentType(),
                        subscription.format().render(table, locale))));
        int claimed = jdbc.sql("""
                        insert into report_delivery (tenant_id, subscription_id, period_start, period_end, outcome,
                                                     mail_id, delivered_at)
                        values (:tenant, :id, :start, :end, 'SENT', :mail, :at)
                        on conflict do nothing""")
                .param("tenant", subscription.tenantId())
                .param("id", subscription.id())
                .param("start", period.start())
                .param("end", period.end())
                .param("mail", mail)
                .param("at", Timestamp.from(now))
                .update();
        return claimed == 1;
    }

    /** Records that the period was not sent because the person may no longer see it, and pauses the subscription. */
    private boolean refuse(Subscription subscription, Period period, Instant now) {
        int claimed = jdbc.sql("""
                        insert into report_delivery (tenant_id, subscription_id, period_start, period_end, outcome,
                                                     delivered_at)
                        values (:tenant, :id, :start, :end, 'ACCESS_LOST', :at)
                        on conflict do nothing""")
                .param("tenant", subscription.tenantId())
                .param("id", subscription.id())
                .param("start", period.start())
                .param("end", period.end())
                .param("at", Timestamp.from(now))
                .update();
        jdbc.sql("update report_subscription set enabled = false where tenant_id = :tenant and id = :id")
                .param("tenant", subscription.tenantId())
                .param("id", subscription.id())
                .update();
        audit.record(AuditEvent.of("report.subscription.accessLost", "ReportSubscription", subscription.id())
                .detail("subject", subscription.subject())
                .detail("period", period.start().toString()));
        return claimed == 1;
    }

    private boolean delivered(Subscription subscription, Period period) {
        return jdbc.sql("""
                        select exists (select 1 from report_delivery
                                       where tenant_id = :tenant and subscription_id = :id and period_start = :start)""")
                .param("tenant", subscription.tenantId())
                .param("id", subscription.id())
                .param("start", period.start())
                .query(Boolean.class)
                .single();
    }

    private Optional<Subscription> load(UUID tenant, UUID id) {
        return jdbc.sql("""
                        select subject, username, role, store_ids, kind, store_id, frequency, format, send_at, time_zone,
                               active_since, cashier_code
                        from report_subscription where tenant_id = :tenant and id = :id and enabled""")
                .param("tenant", tenant)
                .param("id", id)
                .query((rs, n) -> new Subscription(
                        tenant,
                        id,
                        rs.getString(1),
                        rs.getString(2),
                        Role.valueOf(rs.getString(3)),
                        Set.copyOf(Arrays.asList((UUID[]) rs.getArray(4).getArray())),
                        ReportKind.valueOf(rs.getString(5)),
                        rs.getObject(6, UUID.class),
                        ReportFrequency.valueOf(rs.getString(7)),
                        ReportFormat.valueOf(rs.getString(8)),
                        rs.getObject(9, LocalTime.class),
                        ZoneId.of(rs.getString(10)),
                        rs.getTimestamp(11).toInstant(),
                        rs.getString(12)))
                .optional();
    }

    private Locale locale(Subscription subscription) {
        return preferences
                .language(subscription.subject())
                .orElseGet(() -> jdbc.sql("select country from tenant where id = :tenant")
                        .param("tenant", subscription.tenantId())
                        .query(String.class)
                        .optional()
                        .filter("ID"::equals)
                        .map(c -> Locale.of("id"))
                        .orElse(Locale.ENGLISH));
    }

    /** The report's words in {@code locale}, read without a Vaadin session (jobs, background work). */
    static Function<String, String> labels(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle("vaadin-i18n.translations", locale);
        return key -> bundle.containsKey(key) ? bundle.getString(key) : key;
    }

    private static String periodText(Period period, Locale locale) {
        DateTimeFormatter date =
                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        return period.start().equals(period.end())
                ? period.start().format(date)
                : period.start().format(date) + " – " + period.end().format(date);
    }

    private Map<UUID, String> names(UUID tenant) {
        Map<UUID, String> names = new LinkedHashMap<>();
        jdbc.sql("select id, name from store where tenant_id = :tenant union all "
                        + "select id, name from device where tenant_id = :tenant")
                .param("tenant", tenant)
                .query(rs -> {
                    names.put(rs.getObject(1, UUID.class), rs.getString(2));
                });
        return names;
    }
}

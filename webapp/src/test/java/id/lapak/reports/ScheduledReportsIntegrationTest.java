package id.lapak.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapak.catalog.mail.MailOutbox;
import id.lapak.preferences.UserPreferences;
import id.lapak.reports.ReportFrequency.Period;
import id.lapak.reports.ReportSubscribers.Subscriber;
import id.lapak.reports.ReportSubscriptions.Request;
import id.lapak.settlement.SettlementFixture;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.audit.AuditLog;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.tenant.context.TenantContext;
import id.lapak.tenant.store.StoreNotFoundException;
import id.lapak.testing.IntegrationTest;
import id.lapak.testing.TestUsers;
import id.lapak.testing.TestUsers.TestUser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Subscribed reports are e-mailed through the outbox once per period, at the subscriber's local time, catching up
 * after a downtime, built as the subscriber (a store manager's holds only their stores), and never when paused or
 * when the person may no longer see them.
 */
@IntegrationTest
class ScheduledReportsIntegrationTest {

    static final String WIB = "Asia/Jakarta";

    @Autowired
    TenantDirectory tenants;

    @Autowired
    PlatformAccess platform;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReportSubscriptions subscriptions;

    @Autowired
    ReportTables tables;

    @Autowired
    MailOutbox outbox;

    @Autowired
    UserPreferences preferences;

    @Autowired
    AuditLog audit;

    @Autowired
    PlatformTransactionManager transactions;

    final Map<String, Subscriber> people = new ConcurrentHashMap<>();
    SettlementFixture fixture;
    ScheduledReportSender sender;
    UUID tenant;
    UUID jakarta;
    UUID bandung;
    TestUser admin;
    TestUser manager;
    LocalDate day;

    @BeforeEach
    void aTenantWithTwoStoresAndSales() {
        fixture = new SettlementFixture(tenants, platform, jdbc);
        tenant = fixture.tenant("Langganan");
        jakarta = fixture.store(tenant, "Jakarta", WIB);
        bandung = fixture.store(tenant, "Bandung", WIB);
        admin = TestUsers.user(tenant, Set.of(), Role.MERCHANT_ADMIN);
        manager = TestUsers.user(tenant, Set.of(jakarta), Role.STORE_MANAGER);
        people.put(
                admin.subject(),
                new Subscriber(admin.subject(), "admin@toko.test", Role.MERCHANT_ADMIN, Set.of(), true));
        people.put(
                manager.subject(),
                new Subscriber(manager.subject(), "manager@toko.test", Role.STORE_MANAGER, Set.of(jakarta), true));
        sender = new ScheduledReportSender(
                jdbc,
                platform,
                transactions,
                tables,
                outbox,
                preferences,
                (t, subject) -> t.equals(tenant) ? Optional.ofNullable(people.get(subject)) : Optional.empty(),
                audit,
                "Lapak <no-reply@lapak.test>");
        day = LocalDate.now(ZoneId.of(WIB)).minusDays(20);
        for (int d = 0; d < 6; d++) {
            Instant noon = at(day.plusDays(d), 12, 0);
            fixture.capturedSale(tenant, jakarta, 10_000 + d * 1_000L, noon, noon);
            fixture.capturedSale(tenant, bandung, 50_000 + d * 1_000L, noon.plusSeconds(60), noon.plusSeconds(60));
        }
    }

    static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(ZoneId.of(WIB)).toInstant();
    }

    /** Subscribes as {@code user}, as if at 10:00 WIB on the first sales day. */
    private UUID subscribe(TestUser user, ReportKind kind, UUID store, ReportFrequency frequency, ReportFormat format) {
        UUID id = TestUsers.as(
                        user,
                        () -> subscriptions.subscribe(new Request(kind, store, frequency, format, LocalTime.of(7, 0))))
                .id();
        platform.run(
                "test: subscribed earlier",
                () -> jdbc.sql(
                                "update report_subscription set active_since = ?, created_at = ? where tenant_id = ? and id = ?")
                        .params(
                                java.sql.Timestamp.from(at(day, 10, 0)),
                                java.sql.Timestamp.from(at(day, 10, 0)),
                                tenant,
                                id)
                        .update());
        return id;
    }

    record Mail(
            LocalDate period, List<String> recipients, String subject, String kind, String fileName, byte[] content) {

        String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    private List<Mail> mails(UUID subscription) {
        return platform.call(
                "test: read deliveries",
                () -> jdbc.sql("""
                        select d.period_start, m.recipients, m.subject, m.kind, a.file_name, a.content
                        from report_delivery d
                        join mail_outbox m on m.tenant_id = d.tenant_id and m.id = d.mail_id
                        join mail_outbox_attachment a on a.tenant_id = m.tenant_id and a.mail_id = m.id
                        where d.tenant_id = ? and d.subscription_id = ? order by d.period_start""")
                        .params(tenant, subscription)
                        .query((rs, n) -> new Mail(
                                rs.getObject(1, LocalDate.class),
                                List.of((String[]) rs.getArray(2).getArray()),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getBytes(6)))
                        .list());
    }

    private List<String> outcomes(UUID subscription) {
        return platform.call(
                "test: read deliveries",
                () -> jdbc.sql("""
                        select outcome from report_delivery where tenant_id = ? and subscription_id = ?
                        order by period_start""")
                        .params(tenant, subscription)
                        .query(String.class)
                        .list());
    }

    @Test
    void aDailyReportIsSentAt0700WibOnceAndARerunSendsNothing() {
        UUID daily = subscribe(admin, ReportKind.SUMMARY, null, ReportFrequency.DAILY, ReportFormat.CSV);

        sender.deliverDue(at(day.plusDays(1), 6, 59));
        assertThat(mails(daily)).as("not before 07:00 in Jakarta").isEmpty();

        sender.deliverDue(at(day.plusDays(1), 7, 0));
        List<Mail> sent = mails(daily);
        assertThat(sent).hasSize(1);
        Mail mail = sent.getFirst();
        assertThat(mail.period()).isEqualTo(day);
        assertThat(mail.recipients()).containsExactly("admin@toko.test");
        assertThat(mail.kind()).isEqualTo("SCHEDULED_REPORT");
        assertThat(mail.fileName()).isEqualTo("summary-" + day + ".csv");
        assertThat(mail.text())
                .as("both stores' sales of the day: 10,000 + 50,000")
                .contains("60000")
                .contains("Ringkasan penjualan");

        sender.deliverDue(at(day.plusDays(1), 7, 0));
        sender.deliverDue(at(day.plusDays(1), 12, 0));
        assertThat(mails(daily)).as("a rerun sends nothing").hasSize(1);
    }

    @Test
    void twoNodesAtOnceSendAPeriodOnce() {
        UUID daily = subscribe(admin, ReportKind.SUMMARY, null, ReportFrequency.DAILY, ReportFormat.PDF);
        Instant now = at(day.plusDays(1), 7, 5);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            Runnable node = () -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                sender.deliverDue(now);
            };
            CompletableFuture.allOf(CompletableFuture.runAsync(node, nodes), CompletableFuture.runAsync(node, nodes))
                    .join();
        } finally {
            nodes.shutdown();
        }
        List<Mail> sent = mails(daily);
        assertThat(sent).hasSize(1);
        assertThat(new String(sent.getFirst().content(), 0, 4, StandardCharsets.US_ASCII))
                .isEqualTo("%PDF");
        long outboxRows = platform.call(
                "test: count mails",
                () -> jdbc.sql("select count(*) from mail_outbox where tenant_id = ? and kind = 'SCHEDULED_REPORT'")
                        .param(tenant)
                        .query(Long.class)
                        .single());
        assertThat(outboxRows).as("the losing node's e-mail was rolled back").isEqualTo(1);
    }

    @Test
    void aRunAfterADowntimeSendsEachMissedPeriodOnce() {
        UUID daily = subscribe(admin, ReportKind.STORES, null, ReportFrequency.DAILY, ReportFormat.XLSX);

        sender.deliverDue(at(day.plusDays(4), 9, 0));
        assertThat(mails(daily))
                .extracting(Mail::period)
                .containsExactly(day, day.plusDays(1), day.plusDays(2), day.plusDays(3));

        sender.deliverDue(at(day.plusDays(4), 9, 30));
        assertThat(mails(daily)).hasSize(4);
        sender.deliverDue(at(day.plusDays(5), 7, 0));
        assertThat(mails(daily))
                .extracting(Mail::period)
                .hasSize(5)
                .doesNotHaveDuplicates()
                .endsWith(day.plusDays(4));
    }

    @Test
    void aStoreManagersEmailHoldsOnlyTheirStores() {
        UUID daily = subscribe(manager, ReportKind.SUMMARY, null, ReportFrequency.DAILY, ReportFormat.CSV);
        assertThatThrownBy(
                        () -> subscribe(manager, ReportKind.SUMMARY, bandung, ReportFrequency.DAILY, ReportFormat.CSV))
                .isInstanceOf(StoreNotFoundException.class);

        sender.deliverDue(at(day.plusDays(1), 7, 0));
        List<Mail> sent = mails(daily);
        assertThat(sent).hasSize(1);
        assertThat(sent.getFirst().recipients()).containsExactly("manager@toko.test");
        assertThat(sent.getFirst().text())
                .contains("10000")
                .doesNotContain("50000")
                .doesNotContain("60000");

        // The manager no longer runs Jakarta: the next period is not sent and the subscription is paused.
        people.put(
                manager.subject(),
                new Subscriber(manager.subject(), "manager@toko.test", Role.STORE_MANAGER, Set.of(bandung), true));
        sender.deliverDue(at(day.plusDays(3), 7, 0));
        assertThat(mails(daily)).hasSize(1);
        assertThat(outcomes(daily)).containsExactly("SENT", "ACCESS_LOST");
        assertThat(TestUsers.as(manager, () -> subscriptions.mine()))
                .singleElement()
                .satisfies(s -> assertThat(s.enabled()).isFalse());
    }

    @Test
    void aSubscriptionNarrowedToOneCashierIsRefusedOutsideThePersonsStoresAndSendsOnlyTheirSales() {
        Instant afternoon = at(day, 15, 0);
        fixture.reportedBy(
                tenant, fixture.capturedSale(tenant, jakarta, 7_000, afternoon, afternoon), "K-07", "Sari", null);
        fixture.reportedBy(
                tenant, fixture.capturedSale(tenant, bandung, 9_000, afternoon, afternoon), "K-09", "Budi", null);

        assertThat(TestUsers.as(admin, () -> subscriptions.cashiers(null)))
                .as("the Reports page's cashier choices: every store's for the merchant admin")
                .containsExactly(Map.entry("K-09", "Budi (K-09)"), Map.entry("K-07", "Sari (K-07)"));
        assertThat(TestUsers.as(manager, () -> subscriptions.cashiers(null)))
                .as("a store manager's: their stores' cashiers only")
                .containsOnlyKeys("K-07");
        assertThat(TestUsers.as(admin, () -> subscriptions.cashiers(bandung))).containsOnlyKeys("K-09");

        assertThatThrownBy(() -> subscribeCashier(manager, null, "K-09"))
                .as("another store's cashier, for a manager")
                .isInstanceOf(ReportSubscriptions.UnknownCashierException.class)
                .hasMessage("report.subscriptions.cashierUnknown");
        assertThatThrownBy(() -> subscribeCashier(admin, bandung, "K-07"))
                .as("a cashier who did not sell in the chosen store")
                .isInstanceOf(ReportSubscriptions.UnknownCashierException.class);
        assertThatThrownBy(() -> subscribeCashier(admin, null, "K-99"))
                .isInstanceOf(ReportSubscriptions.UnknownCashierException.class);
        assertThat(TestUsers.as(manager, () -> subscriptions.mine()))
                .as("nothing stored")
                .isEmpty();

        UUID managers = subscribeCashier(manager, null, " K-07 ");
        UUID admins = subscribeCashier(admin, null, "K-09");
        assertThat(TestUsers.as(manager, () -> subscriptions.mine()))
                .singleElement()
                .satisfies(s -> assertThat(s.cashier()).isEqualTo("K-07"));

        sender.deliverDue(at(day.plusDays(1), 7, 0));
        assertThat(mails(managers))
                .singleElement()
                .satisfies(mail -> assertThat(mail.text())
                        .as("Sari's one sale, with the filter printed as the Reports page prints it")
                        .contains("Kasir: Sari (K-07)")
                        .contains("7000")
                        .doesNotContain("10000")
                        .doesNotContain("17000")
                        .doesNotContain("9000"));
        assertThat(mails(admins))
                .singleElement()
                .satisfies(mail -> assertThat(mail.text())
                        .contains("Kasir: Budi (K-09)")
                        .contains("9000")
                        .doesNotContain("7000")
                        .doesNotContain("50000")
                        .doesNotContain("59000"));
    }

    private UUID subscribeCashier(TestUser user, UUID store, String cashier) {
        UUID id = TestUsers.as(
                        user,
                        () -> subscriptions.subscribe(new Request(
                                ReportKind.SUMMARY,
                                store,
                                ReportFrequency.DAILY,
                                ReportFormat.CSV,
                                LocalTime.of(7, 0),
                                cashier)))
                .id();
        platform.run(
                "test: subscribed earlier",
                () -> jdbc.sql("update report_subscription set active_since = ? where tenant_id = ? and id = ?")
                        .params(java.sql.Timestamp.from(at(day, 10, 0)), tenant, id)
                        .update());
        return id;
    }

    @Test
    void aPausedOrRemovedSubscriptionSendsNothing() {
        UUID paused = subscribe(admin, ReportKind.SUMMARY, jakarta, ReportFrequency.DAILY, ReportFormat.CSV);
        UUID removed = subscribe(admin, ReportKind.DAYS, null, ReportFrequency.WEEKLY, ReportFormat.CSV);
        TestUsers.run(admin, () -> subscriptions.setEnabled(paused, false));
        TestUsers.run(admin, () -> subscriptions.remove(removed));
        assertThatThrownBy(() -> TestUsers.run(manager, () -> subscriptions.remove(paused)))
                .as("only the owner removes a subscription")
                .isInstanceOf(InvalidReportFilterException.class);

        sender.deliverDue(at(day.plusDays(10), 8, 0));
        assertThat(mails(paused)).isEmpty();
        assertThat(mails(removed)).isEmpty();
        assertThat(TestUsers.as(admin, () -> subscriptions.mine()))
                .extracting(ReportSubscriptions.Subscription::id)
                .containsExactly(paused);
    }

    @Test
    void weeklyAndMonthlyPeriodsEndBeforeTheyAreSent() {
        LocalDate wednesday = LocalDate.of(2026, 12, 2);
        ScheduledReportSender.Subscription weekly = new ScheduledReportSender.Subscription(
                tenant,
                UUID.randomUUID(),
                "s",
                "s",
                Role.MERCHANT_ADMIN,
                Set.of(),
                ReportKind.SUMMARY,
                null,
                ReportFrequency.WEEKLY,
                ReportFormat.PDF,
                LocalTime.of(7, 0),
                ZoneId.of(WIB),
                at(wednesday, 10, 0),
                null);
        assertThat(ScheduledReportSender.duePeriods(weekly, null, at(LocalDate.of(2026, 12, 7), 6, 59)))
                .isEmpty();
        assertThat(ScheduledReportSender.duePeriods(weekly, null, at(LocalDate.of(2026, 12, 7), 7, 0)))
                .containsExactly(new Period(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 6)));
        ScheduledReportSender.Subscription monthly = new ScheduledReportSender.Subscription(
                tenant,
                UUID.randomUUID(),
                "s",
                "s",
                Role.MERCHANT_ADMIN,
                Set.of(),
                ReportKind.TAX,
                null,
                ReportFrequency.MONTHLY,
                ReportFormat.XLSX,
                LocalTime.of(7, 0),
                ZoneId.of(WIB),
                at(wednesday, 10, 0),
                null);
        assertThat(ScheduledReportSender.duePeriods(
                        monthly, LocalDate.of(2026, 12, 1), at(LocalDate.of(2027, 3, 1), 7, 0)))
                .containsExactly(
                        new Period(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 31)),
                        new Period(LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 28)));
    }

    @Test
    void anotherTenantSeesNoSubscriptionOrDelivery() {
        UUID daily = subscribe(admin, ReportKind.SUMMARY, null, ReportFrequency.DAILY, ReportFormat.CSV);
        sender.deliverDue(at(day.plusDays(1), 7, 0));
        assertThat(mails(daily)).hasSize(1);

        UUID other = fixture.tenant("Lain");
        TestUser otherAdmin =
                new TestUser(admin.subject(), admin.username(), other, Set.of(Role.MERCHANT_ADMIN), Set.of());
        assertThat(TestUsers.as(otherAdmin, () -> subscriptions.mine()))
                .as("the same subject in another tenant")
                .isEmpty();
        assertThatThrownBy(() -> TestUsers.run(otherAdmin, () -> subscriptions.remove(daily)))
                .isInstanceOf(InvalidReportFilterException.class);
        long[] seen = TenantContext.callAs(
                other,
                () -> new TransactionTemplate(transactions).execute(s -> new long[] {
                    jdbc.sql("select count(*) from report_subscription where id = ?")
                            .param(daily)
                            .query(Long.class)
                            .single(),
                    jdbc.sql("select count(*) from report_delivery where subscription_id = ?")
                            .param(daily)
                            .query(Long.class)
                            .single()
                }));
        assertThat(seen).as("row-level security as the application's role").containsExactly(0L, 0L);
        assertThatThrownBy(() -> TenantContext.runAs(
                        other,
                        () -> new TransactionTemplate(transactions)
                                .executeWithoutResult(s -> jdbc.sql("""
                                insert into report_subscription (tenant_id, id, subject, username, role, kind, frequency,
                                    format, send_at, time_zone, created_at, active_since)
                                values (?, ?, 's', 's', 'MERCHANT_ADMIN', 'SUMMARY', 'DAILY', 'CSV', '07:00',
                                    'Asia/Jakarta', now(), now())""")
                                        .params(tenant, UUID.randomUUID())
                                        .update())))
                .as("no row written into another tenant")
                .isInstanceOf(RuntimeException.class);
    }
}

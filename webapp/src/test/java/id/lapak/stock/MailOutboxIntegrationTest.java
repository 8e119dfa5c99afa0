package id.lapak.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import id.lapak.catalog.customers.CustomerForm;
import id.lapak.catalog.items.CatalogService;
import id.lapak.catalog.mail.MailKind;
import id.lapak.catalog.mail.MailOutbox;
import id.lapak.catalog.mail.MailOutboxSender;
import id.lapak.catalog.stock.StockQuantity;
import id.lapak.catalog.stock.StockService;
import id.lapak.catalog.stock.StoreManagerDirectory;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.tenant.context.TenantContext;
import id.lapak.tenant.context.TenantSeal;
import id.lapak.tenant.sale.SaleCompleted;
import id.lapak.tenant.sale.SaleLine;
import id.lapak.tenant.store.StoreService;
import id.lapak.testing.Await;
import id.lapak.testing.IntegrationTest;
import id.lapak.testing.TestCatalog;
import id.lapak.testing.TestMerchants;
import id.lapak.testing.TestMerchants.Merchant;
import id.lapak.testing.TestUsers;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The e-mail outbox: a low-stock e-mail decided while the SMTP server is down is delivered exactly once when it is
 * back and the sender runs; a rolled-back transaction leaves no e-mail behind; outbox rows are invisible to other
 * tenants even in raw SQL as the application's role; an e-mail that keeps failing is given up after the configured
 * attempts and never tried again. The SMTP server is a GreenMail started and stopped on one fixed free port.
 */
@IntegrationTest
@Import(MailOutboxIntegrationTest.Managers.class)
class MailOutboxIntegrationTest {

    @Autowired
    TenantSeal seal;

    static final int SMTP_PORT = freePort();
    static final int MAX_ATTEMPTS = 3;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("lapak.mail.outbox.max-attempts", () -> MAX_ATTEMPTS);
    }

    /** Stands in for the directory the application wires from its identity provider. */
    @TestConfiguration
    static class Managers {
        static final Map<UUID, List<String>> BY_STORE = new ConcurrentHashMap<>();

        @Bean
        @Primary
        StoreManagerDirectory outboxTestStoreManagers() {
            return (tenantId, storeId) -> BY_STORE.getOrDefault(storeId, List.of());
        }
    }

    @Autowired
    TenantDirectory tenants;

    @Autowired
    StoreService stores;

    @Autowired
    StockService stock;

    @Autowired
    CatalogService catalog;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    MailOutbox outbox;

    @Autowired
    MailOutboxSender sender;

    @Autowired
    id.lapak.catalog.customers.CustomerService customers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformAccess platform;

    @Value("${spring.datasource.url}")
    String url;

    Merchant merchant;
    String manager;
    UUID item;
    GreenMail smtp;

    @BeforeEach
    void merchantWithAnItemAtThreshold() {
        merchant = TestMerchants.create(tenants, stores, "Kirim");
        manager = "manager-" + UUID.randomUUID() + "@toko.id";
        Managers.BY_STORE.put(merchant.store().id(), List.of(manager));
        item = TestCatalog.variant(catalog, merchant.admin(), "Minyak Goreng");
        TestUsers.run(merchant.admin(), () -> {
            stock.receive(merchant.store().id(), List.of(new StockQuantity(item, 10)), null);
            stock.setThreshold(merchant.store().id(), item, 5);
        });
    }

    @AfterEach
    void smtpDown() {
        if (smtp != null) {
            smtp.stop();
            smtp = null;
        }
    }

    @Test
    void anEmailDecidedWhileTheSmtpServerIsDownIsSentOnceWhenItIsBack() throws Exception {
        sell(6); // 4: crosses, SMTP down
        Await.until(() -> row(merchant.tenant()).attempts() == 1); // the quick path tried and failed
        OutboxRow failed = row(merchant.tenant());
        assertThat(failed.status()).isEqualTo("PENDING");
        assertThat(failed.kind()).isEqualTo("LOW_STOCK");
        assertThat(failed.lastError()).isNotBlank().hasSizeLessThanOrEqualTo(300);
        assertThat(failed.nextAttemptAt()).isAfter(Instant.now()); // backing off

        assertThat(recipients(merchant.tenant()))
                .as("the sale's transaction asked no directory")
                .isEmpty();

        smtpUp();
        sender.sendDue(Instant.now()); // not due yet: nothing is sent
        assertThat(mailsTo(manager)).isEmpty();

        // the store's managers are whoever they are when the e-mail leaves
        String newManager = "manager-" + UUID.randomUUID() + "@toko.id";
        Managers.BY_STORE.put(merchant.store().id(), List.of(newManager));
        sender.sendDue(Instant.now().plus(Duration.ofMinutes(2)));
        assertThat(mailsTo(manager)).isEmpty();
        assertThat(mailsTo(newManager)).hasSize(1);
        assertThat(recipients(merchant.tenant())).containsExactly(newManager);
        manager = newManager;
        assertThat(mailsTo(manager)).hasSize(1);
        assertThat(mailsTo(manager).getFirst().getSubject())
                .contains("Low stock")
                .contains("Minyak Goreng");
        OutboxRow sent = row(merchant.tenant());
        assertThat(sent.status()).isEqualTo("SENT");
        assertThat(sent.attempts()).isEqualTo(2);

        sender.sendDue(Instant.now().plus(Duration.ofHours(1))); // a second run sends nothing
        Thread.sleep(300);
        assertThat(mailsTo(manager)).hasSize(1);
        assertThat(row(merchant.tenant()).attempts()).isEqualTo(2);
    }

    @Test
    void aRolledBackTransactionLeavesNoEmail() throws Exception {
        smtpUp();
        TenantContext.runAs(
                merchant.tenant(),
                () -> new TransactionTemplate(transactionManager).executeWithoutResult(s -> {
                    events.publishEvent(sale(6)); // crosses inside the transaction
                    outbox.enqueue(
                            MailKind.RECEIPT,
                            "x@lapak.test",
                            List.of("pelanggan@example.id"),
                            "Struk",
                            "<p>struk</p>",
                            true);
                    assertThat(jdbc.sql("select count(*) from mail_outbox")
                                    .query(Long.class)
                                    .single())
                            .isEqualTo(2); // both written, as this tenant
                    s.setRollbackOnly();
                }));
        assertThat(outboxRows(merchant.tenant())).isZero();
        Thread.sleep(300);
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThatThrownBy(() -> TenantContext.runAs(
                        merchant.tenant(),
                        () -> outbox.enqueue(
                                MailKind.RECEIPT,
                                "x@lapak.test",
                                List.of("pelanggan@example.id"),
                                "Struk",
                                "<p>struk</p>",
                                true)))
                .isInstanceOf(IllegalStateException.class);

        sell(6); // the same crossing, committed: one e-mail
        Await.until(() -> mailsTo(manager).size() == 1);
        assertThat(outboxRows(merchant.tenant())).isOne();
    }

    @Test
    void outboxRowsAreInvisibleToOtherTenantsEvenInRawSql() throws Exception {
        smtpUp();
        sell(6);
        Await.until(() -> mailsTo(manager).size() == 1);
        Merchant other = TestMerchants.create(tenants, stores, "Lain");
        try (Connection c = DriverManager.getConnection(url, "lapak_app", "lapak_app")) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                assertThat(count(s, "select count(*) from mail_outbox")).isZero(); // no tenant: nothing
                assertThat(count(
                                s,
                                "select count(*) from pg_class where relname = 'mail_outbox' "
                                        + "and relrowsecurity and relforcerowsecurity"))
                        .isOne();
            }
            setTenant(c, other.tenant());
            try (Statement s = c.createStatement()) {
                assertThat(count(s, "select count(*) from mail_outbox where tenant_id = '" + merchant.tenant() + "'"))
                        .isZero();
                assertThat(s.executeUpdate("update mail_outbox set status = 'PENDING', sent_at = null "
                                + "where tenant_id = '" + merchant.tenant() + "'"))
                        .isZero();
            }
            assertThatThrownBy(() -> {
                        try (Statement s = c.createStatement()) {
                            s.executeUpdate(
                                    "insert into mail_outbox (tenant_id, id, kind, status, sender, recipients, "
                                            + "subject, body, created_at, next_attempt_at) values ('"
                                            + merchant.tenant()
                                            + "', gen_random_uuid(), 'RECEIPT', 'PENDING', 'x', '{a@b.id}', 's', 'b', now(), now())");
                        }
                    })
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("row-level security");
            c.rollback();
            setTenant(c, merchant.tenant());
            try (Statement s = c.createStatement()) {
                assertThat(count(s, "select count(*) from mail_outbox where tenant_id = '" + merchant.tenant() + "'"))
                        .isOne(); // the row is there for its own tenant
            }
            c.rollback();
        }
        Long seenByOther = TenantContext.callAs(
                other.tenant(),
                () -> new TransactionTemplate(transactionManager)
                        .execute(s -> jdbc.sql("select count(*) from mail_outbox")
                                .query(Long.class)
                                .single()));
        assertThat(seenByOther).isZero();
    }

    @Test
    void anEmailThatKeepsFailingIsGivenUpAfterTheLastAttemptAndNeverRetried() throws Exception {
        sell(6); // attempt 1 (quick path), SMTP down
        Await.until(() -> row(merchant.tenant()).attempts() == 1);
        Instant now = Instant.now();
        sender.sendDue(now.plus(Duration.ofMinutes(2))); // attempt 2
        assertThat(row(merchant.tenant()).attempts()).isEqualTo(2);
        assertThat(row(merchant.tenant()).status()).isEqualTo("PENDING");
        MailOutboxSender.Outcome last = sender.sendDue(now.plus(Duration.ofHours(1))); // attempt 3: given up
        assertThat(last.gaveUp()).isPositive();
        OutboxRow given = row(merchant.tenant());
        assertThat(given.status()).isEqualTo("FAILED");
        assertThat(given.attempts()).isEqualTo(MAX_ATTEMPTS);
        assertThat(given.lastError()).isNotBlank();

        smtpUp();
        sender.sendDue(now.plus(Duration.ofDays(30)));
        Thread.sleep(300);
        assertThat(mailsTo(manager)).isEmpty();
        assertThat(row(merchant.tenant())).isEqualTo(given);
    }

    @Test
    void anAlertForAStoreWithoutRecipientsIsSkippedNotRetried() throws Exception {
        Managers.BY_STORE.put(merchant.store().id(), List.of());
        smtpUp();
        sell(6);
        Await.until(() -> "SKIPPED".equals(row(merchant.tenant()).status()));
        assertThat(row(merchant.tenant()).lastError()).isEqualTo("no recipients");
        assertThat(sender.sendDue(Instant.now().plus(Duration.ofDays(1))).sent())
                .isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void erasingACustomerLeavesNoTraceOfTheirAddressInTheOutboxAndStopsWhatIsNotSentYet() {
        String email = "pelanggan-" + UUID.randomUUID() + "@example.id";
        var customer = TestUsers.as(
                merchant.admin(),
                () -> customers.create(
                        new CustomerForm("Sari Pelanggan", null, email, null, java.util.Set.of(), false)));
        // SMTP down: the receipt stays pending
        TenantContext.runAs(
                merchant.tenant(),
                () -> new TransactionTemplate(transactionManager)
                        .executeWithoutResult(s -> outbox.enqueue(
                                MailKind.RECEIPT,
                                "x@lapak.test",
                                List.of(email.toUpperCase(java.util.Locale.ROOT)),
                                "Struk untuk Sari Pelanggan",
                                "<p>Terima kasih, Sari Pelanggan</p>",
                                true)));
        Await.until(() -> row(merchant.tenant()).attempts() == 1);

        TestUsers.run(merchant.admin(), () -> customers.erase(customer.id(), "permintaan pelanggan"));

        OutboxRow erased = row(merchant.tenant());
        assertThat(erased.status()).isEqualTo("SKIPPED");
        String text = platform.call(
                "test: the outbox row as text",
                () -> jdbc.sql("select t::text from mail_outbox t where tenant_id = ?")
                        .param(merchant.tenant())
                        .query(String.class)
                        .single());
        assertThat(text).doesNotContainIgnoringCase(email).doesNotContain("Sari");
        smtpUp();
        assertThat(sender.sendDue(Instant.now().plus(Duration.ofDays(1))).sent())
                .isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    record OutboxRow(
            String kind, String status, int attempts, Instant nextAttemptAt, Instant sentAt, String lastError) {}

    private OutboxRow row(UUID tenant) {
        return platform.call(
                "test: the tenant's outbox row",
                () -> jdbc.sql("""
                        select kind, status, attempts, next_attempt_at, sent_at, last_error
                        from mail_outbox where tenant_id = ?""")
                        .param(tenant)
                        .query((rs, n) -> new OutboxRow(
                                rs.getString("kind"),
                                rs.getString("status"),
                                rs.getInt("attempts"),
                                rs.getTimestamp("next_attempt_at").toInstant(),
                                rs.getTimestamp("sent_at") == null
                                        ? null
                                        : rs.getTimestamp("sent_at").toInstant(),
                                rs.getString("last_error")))
                        .single());
    }

    private List<String> recipients(UUID tenant) {
        return platform.call(
                "test: the outbox row's recipients",
                () -> jdbc.sql("select recipients from mail_outbox where tenant_id = ?")
                        .param(tenant)
                        .query((rs, n) -> List.of((String[]) rs.getArray(1).getArray()))
                        .single());
    }

    private long outboxRows(UUID tenant) {
        return platform.call(
                "test: count the tenant's outbox rows",
                () -> jdbc.sql("select count(*) from mail_outbox where tenant_id = ?")
                        .param(tenant)
                        .query(Long.class)
                        .single());
    }

    private void smtpUp() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    private void sell(int quantity) {
        TenantContext.runAs(
                merchant.tenant(),
                () -> new TransactionTemplate(transactionManager)
                        .executeWithoutResult(s -> events.publishEvent(sale(quantity))));
    }

    private SaleCompleted sale(int quantity) {
        return new SaleCompleted(
                merchant.tenant(),
                UUID.randomUUID(),
                merchant.store().id(),
                UUID.randomUUID(),
                null,
                "IDR",
                1000L * quantity,
                0,
                0,
                Instant.now(),
                List.of(new SaleLine(item, "Minyak", quantity, 1000, 0, 1000L * quantity)));
    }

    private List<MimeMessage> mailsTo(String address) {
        if (smtp == null) {
            return List.of();
        }
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                .anyMatch(r -> r.toString().equals(address));
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private void setTenant(Connection c, UUID tenant) throws SQLException {
        seal.apply(c, tenant);
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package id.lapak.stock;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import id.lapak.catalog.items.CatalogService;
import id.lapak.catalog.stock.StockQuantity;
import id.lapak.catalog.stock.StockService;
import id.lapak.catalog.stock.StoreManagerDirectory;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.context.TenantContext;
import id.lapak.tenant.sale.SaleCompleted;
import id.lapak.tenant.sale.SaleLine;
import id.lapak.tenant.store.StoreService;
import id.lapak.testing.Await;
import id.lapak.testing.IntegrationTest;
import id.lapak.testing.TestCatalog;
import id.lapak.testing.TestMerchants;
import id.lapak.testing.TestMerchants.Merchant;
import id.lapak.testing.TestUsers;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The low-stock e-mail reaches a real SMTP server (GreenMail, in process, on a free port) exactly once per crossing,
 * never for a rolled-back sale, and once even when two sales cross the threshold at the same moment.
 */
@IntegrationTest
@Import(LowStockMailIntegrationTest.Managers.class)
class LowStockMailIntegrationTest {

    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    /** Stands in for the directory the application wires from its identity provider. */
    @TestConfiguration
    static class Managers {
        static final Map<UUID, List<String>> BY_STORE = new ConcurrentHashMap<>();

        @Bean
        @org.springframework.context.annotation.Primary
        StoreManagerDirectory testStoreManagers() {
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

    Merchant merchant;
    String manager;

    @BeforeEach
    void merchant() {
        merchant = TestMerchants.create(tenants, stores, "Surel");
        manager = "manager-" + UUID.randomUUID() + "@toko.id";
        Managers.BY_STORE.put(merchant.store().id(), List.of(manager));
    }

    @Test
    void oneEmailPerCrossingAndNoneWhileStillBelowOrAfterARollback() throws Exception {
        UUID item = TestCatalog.variant(catalog, merchant.admin(), "Gula Pasir");
        TestUsers.run(merchant.admin(), () -> {
            stock.receive(merchant.store().id(), List.of(new StockQuantity(item, 10)), null);
            stock.setThreshold(merchant.store().id(), item, 5);
        });
        sell(item, 3); // 7: above
        assertThat(mailsTo(manager)).isEmpty();
        sell(item, 2); // 5: crosses
        Await.until(() -> mailsTo(manager).size() == 1);
        MimeMessage first = mailsTo(manager).getFirst();
        assertThat(first.getSubject())
                .contains("Low stock")
                .contains("Gula Pasir")
                .contains("Surel Pusat");
        assertThat(first.getRecipients(Message.RecipientType.TO))
                .extracting(Object::toString)
                .containsExactly(manager);

        sell(item, 1); // 4: still below, no second mail
        rolledBackSale(item); // nothing committed, nothing sent
        TestUsers.run(
                merchant.admin(),
                () -> stock.receive(
                        merchant.store().id(), List.of(new StockQuantity(item, 10)), null)); // 14: alert clears
        assertThat(TestUsers.as(merchant.admin(), () -> stock.countAlerts())).isZero();
        Thread.sleep(500);
        assertThat(mailsTo(manager)).hasSize(1);

        sell(item, 9); // 5: crosses again
        Await.until(() -> mailsTo(manager).size() == 2);
        Thread.sleep(500);
        assertThat(mailsTo(manager)).hasSize(2);
        assertThat(TestUsers.as(
                        merchant.admin(),
                        () -> stock.alerts(PageRequest.of(0, 5)).getContent()))
                .singleElement()
                .satisfies(l -> assertThat(l.onHand()).isEqualTo(5));
    }

    @Test
    void twoSalesCrossingAtOnceSendOneEmail() throws Exception {
        UUID item = TestCatalog.variant(catalog, merchant.admin(), "Gula Pasir");
        TestUsers.run(merchant.admin(), () -> {
            stock.receive(merchant.store().id(), List.of(new StockQuantity(item, 4)), null);
            stock.setThreshold(merchant.store().id(), item, 3);
        });
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> sales = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            sales.add(pool.submit(() -> {
                start.await();
                sell(item, 1);
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : sales) {
            f.get();
        }
        pool.shutdown();
        Await.until(() -> mailsTo(manager).size() == 1);
        Thread.sleep(500);
        assertThat(mailsTo(manager)).hasSize(1);
    }

    private void sell(UUID item, int quantity) {
        TenantContext.runAs(
                merchant.tenant(),
                () -> new TransactionTemplate(transactionManager)
                        .executeWithoutResult(s -> events.publishEvent(sale(item, quantity))));
    }

    private void rolledBackSale(UUID item) {
        TenantContext.runAs(
                merchant.tenant(),
                () -> new TransactionTemplate(transactionManager).executeWithoutResult(s -> {
                    events.publishEvent(sale(item, 10));
                    s.setRollbackOnly();
                }));
    }

    private SaleCompleted sale(UUID item, int quantity) {
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
                List.of(new SaleLine(item, "Gula", quantity, 1000, 0, 1000L * quantity)));
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                .anyMatch(r -> r.toString().equals(address));
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }
}

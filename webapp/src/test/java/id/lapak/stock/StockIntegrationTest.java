package id.lapak.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapak.catalog.items.CatalogService;
import id.lapak.catalog.stock.AdjustmentReason;
import id.lapak.catalog.stock.MovementKind;
import id.lapak.catalog.stock.StockAlertSettingsService;
import id.lapak.catalog.stock.StockCount;
import id.lapak.catalog.stock.StockException;
import id.lapak.catalog.stock.StockLevel;
import id.lapak.catalog.stock.StockMovement;
import id.lapak.catalog.stock.StockQuantity;
import id.lapak.catalog.stock.StockService;
import id.lapak.catalog.stock.StockTransfer;
import id.lapak.catalog.stock.StockTransferService;
import id.lapak.catalog.stock.StoreManagerDirectory;
import id.lapak.catalog.stock.TransferNotFoundException;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.tenant.context.TenantContext;
import id.lapak.tenant.context.TenantSeal;
import id.lapak.tenant.sale.SaleCompleted;
import id.lapak.tenant.sale.SaleLine;
import id.lapak.tenant.sale.SaleRefunded;
import id.lapak.tenant.store.StoreDetails;
import id.lapak.tenant.store.StoreNotFoundException;
import id.lapak.tenant.store.StoreService;
import id.lapak.testing.IntegrationTest;
import id.lapak.testing.TestCatalog;
import id.lapak.testing.TestMerchants;
import id.lapak.testing.TestMerchants.Merchant;
import id.lapak.testing.TestUsers;
import id.lapak.testing.TestUsers.TestUser;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The stock ledger: its invariant, concurrent sales, transfers, counts, roles, audit and tenant isolation. */
@IntegrationTest
class StockIntegrationTest {

    @Autowired
    TenantSeal seal;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    StoreService storeService;

    @Autowired
    StockService stock;

    @Autowired
    CatalogService catalog;

    @Autowired
    StockTransferService transfers;

    @Autowired
    StockAlertSettingsService alertSettings;

    @Autowired
    StoreManagerDirectory directory;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformAccess platform;

    @Value("${spring.datasource.url}")
    String url;

    Merchant merchant;
    TestUser admin;
    StoreDetails pusat;
    StoreDetails cabang;

    @BeforeEach
    void merchantWithTwoStores() {
        merchant = TestMerchants.create(tenants, storeService, "Gudang");
        admin = merchant.admin();
        pusat = merchant.store();
        cabang = TestUsers.as(admin, () -> storeService.create(TestMerchants.store("Gudang Cabang")));
    }

    @Test
    void onHandIsTheSumOfItsMovementsAfterRandomOperationsIncludingConcurrentOnes() throws Exception {
        List<UUID> items = List.of(variant(), variant(), variant(), variant());
        List<UUID> storeIds = List.of(pusat.id(), cabang.id());
        Random random = new Random(20261125);
        for (int i = 0; i < 60; i++) {
            UUID store = storeIds.get(random.nextInt(2));
            UUID item = items.get(random.nextInt(items.size()));
            switch (random.nextInt(7)) {
                case 0 ->
                    TestUsers.run(
                            admin,
                            () -> stock.receive(
                                    store,
                                    List.of(new StockQuantity(item, 1 + random.nextInt(20))),
                                    "PO-" + random.nextInt(100)));
                case 1 -> {
                    int delta = random.nextInt(10) - 5;
                    int nonZero = delta >= 0 ? delta + 1 : delta;
                    TestUsers.run(admin, () -> stock.adjust(store, item, nonZero, AdjustmentReason.CORRECTION, null));
                }
                case 2 -> sale(store, null, item, 1 + random.nextInt(3));
                case 3 -> refund(store, item, 1 + random.nextInt(2));
                case 4 ->
                    TestUsers.run(
                            admin,
                            () -> stock.count(
                                    store, List.of(new StockQuantity(item, random.nextInt(15))), "spot check"));
                case 5 ->
                    TestUsers.run(admin, () -> {
                        StockTransfer t = transfers.create(
                                store, other(store), List.of(new StockQuantity(item, 1 + random.nextInt(4))), null);
                        transfers.send(t.id());
                        if (random.nextBoolean()) {
                            transfers.receive(t.id());
                        }
                    });
                default -> TestUsers.run(admin, () -> stock.setThreshold(store, item, random.nextInt(6)));
            }
        }
        // Concurrent sales and receipts on the same few rows.
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            int n = i;
            running.add(pool.submit(() -> {
                start.await();
                UUID store = storeIds.get(n % 2);
                if (n % 4 == 3) {
                    TestUsers.run(
                            admin,
                            () -> stock.receive(
                                    store,
                                    List.of(new StockQuantity(items.get(0), 2), new StockQuantity(items.get(1), 1)),
                                    null));
                } else {
                    sale(store, UUID.randomUUID(), items.get(n % 2), 1, items.get(1 - n % 2), 2);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();

        List<Map<String, Object>> mismatches = platform.call(
                "test: ledger invariant",
                () -> jdbc.sql("""
                select l.store_id, l.variant_id, l.on_hand, coalesce(sum(m.quantity), 0) as total,
                       (select m2.resulting_on_hand from stock_movement m2 where m2.tenant_id = l.tenant_id
                          and m2.store_id = l.store_id and m2.variant_id = l.variant_id
                        order by m2.occurred_at desc, abs(m2.resulting_on_hand - l.on_hand) limit 1) as last_result
                from stock_level l
                left join stock_movement m on m.tenant_id = l.tenant_id and m.store_id = l.store_id
                     and m.variant_id = l.variant_id
                where l.tenant_id = ?
                group by l.tenant_id, l.store_id, l.variant_id, l.on_hand
                having l.on_hand <> coalesce(sum(m.quantity), 0)""").param(merchant.tenant()).query().listOfRows());
        assertThat(mismatches).isEmpty();
        // Every movement starts where another ended (or at zero): the resulting on-hands form one unbroken chain.
        List<Map<String, Object>> movements = platform.call(
                "test: movement chain",
                () -> jdbc.sql("""
                select store_id, variant_id, quantity, resulting_on_hand from stock_movement where tenant_id = ?""").param(merchant.tenant()).query().listOfRows());
        Map<String, List<Long>> starts = new java.util.HashMap<>();
        Map<String, List<Long>> ends = new java.util.HashMap<>();
        for (Map<String, Object> m : movements) {
            String level = m.get("store_id") + "/" + m.get("variant_id");
            long result = ((Number) m.get("resulting_on_hand")).longValue();
            starts.computeIfAbsent(level, k -> new ArrayList<>(List.of(0L))).add(result);
            ends.computeIfAbsent(level, k -> new ArrayList<>()).add(result - ((Number) m.get("quantity")).longValue());
        }
        for (String level : starts.keySet()) {
            String[] ids = level.split("/");
            ends.get(level).add(onHand(UUID.fromString(ids[0]), UUID.fromString(ids[1])));
            assertThat(ends.get(level)).as(level).containsExactlyInAnyOrderElementsOf(starts.get(level));
        }
    }

    @Test
    void twoDevicesSellingTheLastUnitAtOnceAreBothRecordedAndStockGoesNegativeFlagged() throws Exception {
        UUID item = variant();
        TestUsers.run(admin, () -> stock.receive(pusat.id(), List.of(new StockQuantity(item, 1)), null));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> sales = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            sales.add(pool.submit(() -> {
                start.await();
                sale(pusat.id(), UUID.randomUUID(), item, 1);
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : sales) {
            f.get();
        }
        pool.shutdown();

        List<StockMovement> ledger = TestUsers.as(
                admin,
                () -> stock.movements(pusat.id(), item, MovementKind.SALE, PageRequest.of(0, 10))
                        .getContent());
        assertThat(ledger).hasSize(2);
        assertThat(ledger).extracting(StockMovement::resultingOnHand).containsExactlyInAnyOrder(0L, -1L);
        assertThat(ledger).extracting(StockMovement::actorKind).containsOnly("DEVICE");
        List<StockLevel> negative = TestUsers.as(
                admin,
                () -> stock.levels(pusat.id(), false, true, PageRequest.of(0, 10))
                        .getContent());
        assertThat(negative).singleElement().satisfies(l -> {
            assertThat(l.onHand()).isEqualTo(-1);
            assertThat(l.negative()).isTrue();
        });
    }

    @Test
    void concurrentSalesOfOneVariantFromManyDevicesAllCountAndOnHandStaysTheSumOfTheMovements() throws Exception {
        UUID item = variant();
        TestUsers.run(admin, () -> stock.receive(pusat.id(), List.of(new StockQuantity(item, 50)), null));
        TestUsers.run(admin, () -> stock.setThreshold(pusat.id(), item, 10));
        int devices = 8;
        int salesEach = 10;
        ExecutorService pool = Executors.newFixedThreadPool(devices);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> sellers = new ArrayList<>();
        for (int d = 0; d < devices; d++) {
            UUID device = UUID.randomUUID();
            sellers.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < salesEach; i++) {
                    sale(pusat.id(), device, item, 1);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : sellers) {
            f.get();
        }
        pool.shutdown();

        long sold = (long) devices * salesEach;
        assertThat(onHand(pusat.id(), item)).isEqualTo(50 - sold);
        List<StockMovement> sales = TestUsers.as(
                admin,
                () -> stock.movements(pusat.id(), item, MovementKind.SALE, PageRequest.of(0, 500))
                        .getContent());
        assertThat(sales).hasSize((int) sold);
        // Each sale saw the one before it: the resulting on-hands are 49 down to -30, each once.
        assertThat(sales)
                .extracting(StockMovement::resultingOnHand)
                .containsExactlyInAnyOrderElementsOf(
                        java.util.stream.LongStream.range(50 - sold, 50).boxed().toList());
        Long sum = platform.call(
                "test: sum of movements",
                () -> jdbc.sql("select sum(quantity) from stock_movement where tenant_id = ? and variant_id = ?")
                        .params(merchant.tenant(), item)
                        .query(Long.class)
                        .single());
        assertThat(sum).isEqualTo(50 - sold);
        List<StockLevel> alerts =
                TestUsers.as(admin, () -> stock.alerts(PageRequest.of(0, 100)).getContent());
        assertThat(alerts.stream().filter(l -> l.variantId().equals(item)))
                .as("the threshold was crossed: the level is flagged with the on-hand of the last sale")
                .singleElement()
                .satisfies(l -> {
                    assertThat(l.onHand()).isEqualTo(50 - sold);
                    assertThat(l.belowSince()).isNotNull();
                });
    }

    @Test
    void aReplayedSaleEventMovesNothingTwiceARefundPutsStockBackAndAnyEntryPointWorks() {
        UUID item = variant();
        UUID saleId = UUID.randomUUID();
        SaleCompleted sale = new SaleCompleted(
                merchant.tenant(),
                saleId,
                pusat.id(),
                null,
                null,
                "IDR",
                2000,
                0,
                0,
                Instant.now(),
                List.of(new SaleLine(item, "Teh", 2, 1000, 0, 2000)));
        inTransaction(() -> events.publishEvent(sale));
        inTransaction(() -> events.publishEvent(sale));
        refund(pusat.id(), item, 1);
        assertThat(onHand(pusat.id(), item)).isEqualTo(-1);
        // Published from a platform job (no tenant in context): the listener works as the event's tenant.
        platform.run(
                "test: a sale recorded by a platform job",
                () -> events.publishEvent(new SaleCompleted(
                        merchant.tenant(),
                        UUID.randomUUID(),
                        pusat.id(),
                        null,
                        null,
                        "IDR",
                        1000,
                        0,
                        0,
                        Instant.now(),
                        List.of(new SaleLine(item, "Teh", 1, 1000, 0, 1000)))));
        assertThat(onHand(pusat.id(), item)).isEqualTo(-2);
    }

    @Test
    void transferLifecycleMovesStockOnSendAndOnReceiveOnlyOnce() {
        UUID item = variant();
        TestUsers.run(admin, () -> stock.receive(pusat.id(), List.of(new StockQuantity(item, 10)), "PO-1"));
        TestUser pusatManager = TestUsers.user(merchant.tenant(), Set.of(pusat.id()), Role.STORE_MANAGER);
        TestUser cabangManager = TestUsers.user(merchant.tenant(), Set.of(cabang.id()), Role.STORE_MANAGER);

        StockTransfer created = TestUsers.as(
                pusatManager,
                () -> transfers.create(pusat.id(), cabang.id(), List.of(new StockQuantity(item, 4)), "Restock cabang"));
        assertThat(created.status()).isEqualTo(StockTransfer.Status.CREATED);
        assertThat(onHand(pusat.id(), item)).isEqualTo(10);
        assertThatThrownBy(() -> TestUsers.as(cabangManager, () -> transfers.send(created.id())))
                .isInstanceOf(TransferNotFoundException.class);
        assertThatThrownBy(() -> TestUsers.as(
                        cabangManager,
                        () -> transfers.create(pusat.id(), cabang.id(), List.of(new StockQuantity(item, 1)), null)))
                .isInstanceOf(StoreNotFoundException.class);

        StockTransfer sent = TestUsers.as(pusatManager, () -> transfers.send(created.id()));
        assertThat(sent.status()).isEqualTo(StockTransfer.Status.SENT);
        assertThat(sent.sentAt()).isNotNull();
        assertThat(onHand(pusat.id(), item)).isEqualTo(6);
        assertThat(onHand(cabang.id(), item)).isZero();
        assertThatThrownBy(() -> TestUsers.as(pusatManager, () -> transfers.send(created.id())))
                .isInstanceOfSatisfying(
                        StockException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("stock.error.transfer.status.sent"));
        assertThatThrownBy(() -> TestUsers.as(pusatManager, () -> transfers.receive(created.id())))
                .isInstanceOf(TransferNotFoundException.class);
        assertThatThrownBy(() -> TestUsers.as(pusatManager, () -> transfers.cancel(created.id())))
                .isInstanceOf(StockException.class);

        StockTransfer received = TestUsers.as(cabangManager, () -> transfers.receive(created.id()));
        assertThat(received.status()).isEqualTo(StockTransfer.Status.RECEIVED);
        assertThat(received.receivedBy()).isEqualTo(cabangManager.displayName());
        assertThat(received.lines()).extracting(StockTransfer.Line::quantity).containsExactly(4L);
        assertThat(onHand(cabang.id(), item)).isEqualTo(4);
        assertThatThrownBy(() -> TestUsers.as(cabangManager, () -> transfers.receive(created.id())))
                .isInstanceOf(StockException.class);

        assertThat(TestUsers.as(
                        cabangManager,
                        () -> transfers.find(null, PageRequest.of(0, 10)).getContent()))
                .extracting(StockTransfer::id)
                .containsExactly(created.id());
        TestUser stranger = TestUsers.user(merchant.tenant(), Set.of(UUID.randomUUID()), Role.STORE_MANAGER);
        assertThat(TestUsers.as(
                        stranger,
                        () -> transfers.find(null, PageRequest.of(0, 10)).getContent()))
                .isEmpty();
        assertThat(auditActions(created.id().toString()))
                .containsExactly("stock.transfer_created", "stock.transfer_sent", "stock.transfer_received");

        StockTransfer other = TestUsers.as(
                admin, () -> transfers.create(pusat.id(), cabang.id(), List.of(new StockQuantity(item, 1)), null));
        assertThat(TestUsers.as(admin, () -> transfers.cancel(other.id())).status())
                .isEqualTo(StockTransfer.Status.CANCELLED);
        assertThat(onHand(pusat.id(), item)).isEqualTo(6);
    }

    @Test
    void aCountTurnsDifferencesIntoCountMovements() {
        UUID a = variant();
        UUID b = variant();
        UUID c = variant();
        TestUsers.run(
                admin,
                () -> stock.receive(pusat.id(), List.of(new StockQuantity(a, 10), new StockQuantity(b, 5)), null));
        StockCount count = TestUsers.as(
                admin,
                () -> stock.count(
                        pusat.id(),
                        List.of(new StockQuantity(a, 8), new StockQuantity(b, 5), new StockQuantity(c, 3)),
                        "Opname November"));
        assertThat(count.lines())
                .extracting(StockCount.Line::variantId, StockCount.Line::difference)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(a, -2L),
                        org.assertj.core.groups.Tuple.tuple(b, 0L),
                        org.assertj.core.groups.Tuple.tuple(c, 3L));
        assertThat(onHand(pusat.id(), a)).isEqualTo(8);
        assertThat(onHand(pusat.id(), c)).isEqualTo(3);
        List<StockMovement> countMovements = TestUsers.as(
                admin,
                () -> stock.movements(pusat.id(), null, MovementKind.COUNT, PageRequest.of(0, 10))
                        .getContent());
        assertThat(countMovements).extracting(StockMovement::quantity).containsExactlyInAnyOrder(-2L, 3L);
        assertThat(TestUsers.as(admin, () -> stock.countDetails(count.id())).lines())
                .hasSize(3);
        assertThat(TestUsers.as(
                        admin,
                        () -> stock.counts(pusat.id(), PageRequest.of(0, 5)).getContent()))
                .extracting(StockCount::id)
                .containsExactly(count.id());
        assertThat(auditActions(pusat.id().toString())).contains("stock.received", "stock.counted");
    }

    @Test
    void peopleNeedTheRightRoleStoreAndReasonAndNothingIsHalfWritten() {
        UUID item = variant();
        TestUser cashier = TestUsers.user(merchant.tenant(), Set.of(pusat.id()), Role.CASHIER);
        TestUser cabangManager = TestUsers.user(merchant.tenant(), Set.of(cabang.id()), Role.STORE_MANAGER);
        assertThatThrownBy(() -> TestUsers.as(cashier, () -> stock.levels(null, false, false, PageRequest.of(0, 5))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TestUsers.as(
                        cabangManager, () -> stock.adjust(pusat.id(), item, 3, AdjustmentReason.FOUND, null)))
                .isInstanceOf(StoreNotFoundException.class);
        assertThatThrownBy(() -> TestUsers.as(admin, () -> stock.adjust(pusat.id(), item, 3, null, null)))
                .isInstanceOf(StockException.class);
        assertThatThrownBy(() ->
                        TestUsers.as(admin, () -> stock.adjust(pusat.id(), item, -2, AdjustmentReason.OTHER, " ")))
                .isInstanceOfSatisfying(
                        StockException.class, e -> assertThat(e.messageKey()).isEqualTo("stock.error.note.required"));
        // The second line is bad: the first must not have moved.
        UUID second = variant();
        assertThatThrownBy(() -> TestUsers.as(
                        admin,
                        () -> stock.receive(
                                pusat.id(), List.of(new StockQuantity(item, 5), new StockQuantity(second, -1)), null)))
                .isInstanceOf(StockException.class);
        assertThat(onHand(pusat.id(), item)).isZero();

        assertThatThrownBy(() -> TestUsers.as(
                        admin, () -> stock.adjust(pusat.id(), UUID.randomUUID(), 1, AdjustmentReason.FOUND, null)))
                .isInstanceOfSatisfying(
                        StockException.class, e -> assertThat(e.messageKey()).isEqualTo("stock.error.variant.unknown"));
        long after = TestUsers.as(admin, () -> stock.adjust(pusat.id(), item, -2, AdjustmentReason.DAMAGED, "Pecah"));
        assertThat(after).isEqualTo(-2);
        StockMovement adjustment = TestUsers.as(
                admin,
                () -> stock.movements(pusat.id(), item, null, PageRequest.of(0, 5))
                        .getContent()
                        .getFirst());
        assertThat(adjustment.reason()).isEqualTo("DAMAGED: Pecah");
        assertThat(adjustment.actorName()).isEqualTo(admin.displayName());
        assertThat(auditActions(pusat.id() + "/" + item)).containsExactly("stock.adjusted");
    }

    @Test
    void aThresholdCrossingRaisesTheAlertAndGoingBackAboveClearsIt() {
        UUID item = variant();
        TestUsers.run(admin, () -> {
            stock.receive(pusat.id(), List.of(new StockQuantity(item, 6)), null);
            stock.setThreshold(pusat.id(), item, 4);
        });
        assertThat(TestUsers.as(admin, () -> stock.countAlerts())).isZero();
        sale(pusat.id(), null, item, 2);
        List<StockLevel> alerts =
                TestUsers.as(admin, () -> stock.alerts(PageRequest.of(0, 5)).getContent());
        assertThat(alerts).singleElement().satisfies(l -> {
            assertThat(l.onHand()).isEqualTo(4);
            assertThat(l.belowSince()).isNotNull();
        });
        TestUser cabangManager = TestUsers.user(merchant.tenant(), Set.of(cabang.id()), Role.STORE_MANAGER);
        assertThat(TestUsers.as(cabangManager, () -> stock.countAlerts())).isZero();
        TestUsers.run(admin, () -> stock.receive(pusat.id(), List.of(new StockQuantity(item, 1)), null));
        assertThat(TestUsers.as(admin, () -> stock.countAlerts())).isZero();
    }

    @Test
    void alertRecipientsKeptByTheMerchantAdminAreTheFallbackDirectory() {
        TestUsers.run(
                admin,
                () -> alertSettings.setRecipients(pusat.id(), List.of("Manager@Toko.id", " ", "gudang@toko.id")));
        assertThat(directory.managerEmails(merchant.tenant(), pusat.id()))
                .containsExactly("gudang@toko.id", "manager@toko.id");
        assertThat(directory.managerEmails(merchant.tenant(), cabang.id())).isEmpty();
        assertThatThrownBy(() ->
                        TestUsers.as(admin, () -> alertSettings.setRecipients(pusat.id(), List.of("bukan-email"))))
                .isInstanceOf(StockException.class);
        TestUser manager = TestUsers.user(merchant.tenant(), Set.of(pusat.id()), Role.STORE_MANAGER);
        assertThatThrownBy(() -> TestUsers.as(manager, () -> alertSettings.recipients(pusat.id())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anotherTenantSeesNoStockThroughTheServiceOrRawSql() throws SQLException {
        UUID item = variant();
        TestUsers.run(admin, () -> {
            stock.receive(pusat.id(), List.of(new StockQuantity(item, 3)), null);
            stock.count(pusat.id(), List.of(new StockQuantity(item, 2)), null);
            transfers.create(pusat.id(), cabang.id(), List.of(new StockQuantity(item, 1)), null);
            alertSettings.setRecipients(pusat.id(), List.of("a@toko.id"));
        });
        Merchant other = TestMerchants.create(tenants, storeService, "Pesaing");
        TestUsers.run(other.admin(), () -> {
            assertThat(stock.levels(null, false, false, PageRequest.of(0, 10)).getContent())
                    .isEmpty();
            assertThat(stock.movements(null, null, null, PageRequest.of(0, 10)).getContent())
                    .isEmpty();
            assertThat(stock.counts(null, PageRequest.of(0, 10)).getContent()).isEmpty();
            assertThat(transfers.find(null, PageRequest.of(0, 10)).getContent()).isEmpty();
            assertThatThrownBy(() -> stock.levels(pusat.id(), false, false, PageRequest.of(0, 10)))
                    .isInstanceOf(StoreNotFoundException.class);
            assertThatThrownBy(() -> stock.adjust(pusat.id(), item, 1, AdjustmentReason.FOUND, null))
                    .isInstanceOf(StoreNotFoundException.class);
            assertThatThrownBy(() -> alertSettings.recipients(pusat.id())).isInstanceOf(StoreNotFoundException.class);
        });
        List<String> tables = List.of(
                "stock_level",
                "stock_movement",
                "stock_transfer",
                "stock_transfer_line",
                "stock_count",
                "stock_count_line",
                "stock_alert_recipient");
        try (Connection c = DriverManager.getConnection(url, "lapak_app", "lapak_app")) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String table : tables) {
                    assertThat(count(s, "select count(*) from " + table))
                            .as(table)
                            .isZero();
                }
            }
            seal.apply(c, other.tenant());
            try (Statement s = c.createStatement()) {
                for (String table : tables) {
                    assertThat(count(
                                    s,
                                    "select count(*) from " + table + " where tenant_id = '" + merchant.tenant() + "'"))
                            .as(table)
                            .isZero();
                    assertThat(count(
                                    s,
                                    "select count(*) from pg_class where relname = '" + table
                                            + "' and relrowsecurity and relforcerowsecurity"))
                            .as(table)
                            .isOne();
                }
                assertThat(s.executeUpdate(
                                "update stock_level set on_hand = 999 where tenant_id = '" + merchant.tenant() + "'"))
                        .isZero();
            }
            assertThatThrownBy(() -> {
                        try (Statement s = c.createStatement()) {
                            s.executeUpdate(
                                    "insert into stock_level (tenant_id, store_id, variant_id, on_hand, updated_at) "
                                            + "values ('" + merchant.tenant() + "', '" + pusat.id()
                                            + "', gen_random_uuid(), 5, now())");
                        }
                    })
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("row-level security");
            c.rollback();
            // The ledger is append-only for the application role.
            setTenant(c, merchant.tenant());
            assertThatThrownBy(() -> {
                        try (Statement s = c.createStatement()) {
                            s.executeUpdate("delete from stock_movement");
                        }
                    })
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            c.rollback();
        }
        assertThat(onHand(pusat.id(), item)).isEqualTo(2);
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private UUID variant() {
        return TestCatalog.variant(
                catalog, admin, "Barang " + UUID.randomUUID().toString().substring(0, 4));
    }

    private UUID other(UUID store) {
        return store.equals(pusat.id()) ? cabang.id() : pusat.id();
    }

    private void sale(UUID store, UUID device, Object... variantAndQuantity) {
        List<SaleLine> lines = new ArrayList<>();
        for (int i = 0; i < variantAndQuantity.length; i += 2) {
            int q = (Integer) variantAndQuantity[i + 1];
            lines.add(new SaleLine((UUID) variantAndQuantity[i], "Barang", q, 1000, 0, 1000L * q));
        }
        inTransaction(() -> events.publishEvent(new SaleCompleted(
                merchant.tenant(), UUID.randomUUID(), store, device, null, "IDR", 1000, 0, 0, Instant.now(), lines)));
    }

    private void refund(UUID store, UUID item, int quantity) {
        inTransaction(() -> events.publishEvent(new SaleRefunded(
                merchant.tenant(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                store,
                null,
                null,
                "IDR",
                1000,
                Instant.now(),
                List.of(new SaleLine(item, "Barang", quantity, 1000, 0, 1000L * quantity)))));
    }

    private void inTransaction(Runnable work) {
        TenantContext.runAs(
                merchant.tenant(),
                () -> new TransactionTemplate(transactionManager).executeWithoutResult(s -> work.run()));
    }

    private long onHand(UUID store, UUID item) {
        List<StockLevel> levels = TestUsers.as(
                admin,
                () -> stock.levels(store, false, false, PageRequest.of(0, 500)).getContent());
        return levels.stream()
                .filter(l -> l.variantId().equals(item))
                .mapToLong(StockLevel::onHand)
                .findFirst()
                .orElse(0);
    }

    private List<String> auditActions(String entityId) {
        return platform.call(
                "test: audit actions",
                () -> jdbc.sql("select action from audit_entry where entity_id = ? order by seq")
                        .param(entityId)
                        .query(String.class)
                        .list());
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
}

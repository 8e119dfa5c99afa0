package id.lapak.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapak.billing.sale.SaleFilter;
import id.lapak.billing.sale.SaleTotals;
import id.lapak.billing.sale.SalesService;
import id.lapak.catalog.items.CatalogService;
import id.lapak.catalog.stock.StockQuantity;
import id.lapak.catalog.stock.StockService;
import id.lapak.settlement.SettlementFixture;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.tenant.context.TenantContext;
import id.lapak.tenant.store.StoreNotFoundException;
import id.lapak.testing.IntegrationTest;
import id.lapak.testing.TestCatalog;
import id.lapak.testing.TestUsers;
import id.lapak.testing.TestUsers.TestUser;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reports count by each store's local day, read the same figures from the rollups as from the sales, agree with the
 * Sales list's totals, show a late change at once, keep store managers to their stores, and freeze closed days.
 */
@IntegrationTest
class ReportsIntegrationTest {

    static final String WIB = "Asia/Jakarta";
    static final String WIT = "Asia/Jayapura";

    @Autowired
    TenantDirectory tenants;

    @Autowired
    PlatformAccess platform;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReportService reports;

    @Autowired
    CashierReports cashiers;

    @Autowired
    DayReports dayReports;

    @Autowired
    ReportRollups rollups;

    @Autowired
    ReportRebuilds rebuilds;

    @Autowired
    SalesService sales;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    CatalogService catalog;

    @Autowired
    StockService stock;

    SettlementFixture fixture;
    UUID tenant;
    UUID jakarta;
    UUID jayapura;
    TestUser admin;
    LocalDate day;

    @BeforeEach
    void aTenantWithStoresInTwoZones() {
        fixture = new SettlementFixture(tenants, platform, jdbc);
        tenant = fixture.tenant("Laporan");
        jakarta = fixture.store(tenant, "Jakarta", WIB);
        jayapura = fixture.store(tenant, "Jayapura", WIT);
        admin = TestUsers.user(tenant, Set.of(), Role.MERCHANT_ADMIN);
        day = LocalDate.now(ZoneId.of(WIB)).minusDays(10);
    }

    static Instant at(LocalDate day, int hour, int minute, String zone) {
        return day.atTime(hour, minute).atZone(ZoneId.of(zone)).toInstant();
    }

    private UUID sale(UUID store, long amount, Instant soldAt) {
        return fixture.capturedSale(tenant, store, amount, soldAt, soldAt);
    }

    private Figures summary(LocalDate from, LocalDate to, UUID store) {
        return TestUsers.as(admin, () -> reports.summary(new ReportFilter(from, to, store, null, null)));
    }

    @Test
    void aDayIsTheStoresLocalDayNeverUtc() {
        sale(jakarta, 10_000, at(day, 23, 30, WIB));
        sale(jakarta, 20_000, at(day.plusDays(1), 0, 30, WIB));
        sale(jayapura, 40_000, at(day, 23, 30, WIT));
        sale(jayapura, 80_000, at(day.plusDays(1), 0, 30, WIT)); // 22:30 in Jakarta, still the day before there

        for (int pass = 0; pass < 2; pass++) {
            assertThat(summary(day, day, jakarta).collected().minor()).isEqualTo(10_000);
            assertThat(summary(day.plusDays(1), day.plusDays(1), jakarta)
                            .collected()
                            .minor())
                    .isEqualTo(20_000);
            assertThat(summary(day, day, jayapura).collected().minor()).isEqualTo(40_000);
            assertThat(summary(day.plusDays(1), day.plusDays(1), jayapura)
                            .collected()
                            .minor())
                    .isEqualTo(80_000);
            assertThat(summary(day, day, null).collected().minor()).isEqualTo(50_000);
            List<ReportService.Line> hours = TestUsers.as(
                    admin, () -> reports.byHour(ReportFilter.days(day, day).withStore(jakarta)));
            assertThat(hours.get(23).figures().collected().minor()).isEqualTo(10_000);
            assertThat(hours.get(0).figures().collected().minor()).isZero();
            if (pass == 0) {
                assertThat(rollups.rollDue(tenant)).as("store days rolled up").isGreaterThanOrEqualTo(4);
                assertThat(rollups.rollDue(tenant))
                        .as("a second run has nothing to do")
                        .isZero();
            }
        }
    }

    @Test
    void rollupsAgreeWithTheSalesAndTheSalesListAndLateChangesShowAtOnce() {
        Random random = new Random(20261203L);
        LocalDate first = day.minusDays(6);
        List<UUID> captured = new ArrayList<>();
        for (int i = 0; i < 160; i++) {
            boolean inJakarta = random.nextBoolean();
            UUID store = inJakarta ? jakarta : jayapura;
            String zone = inJakarta ? WIB : WIT;
            Instant soldAt = at(first.plusDays(random.nextInt(7)), random.nextInt(24), random.nextInt(60), zone);
            long amount = 1_000L * (1 + random.nextInt(200));
            UUID sale = switch (random.nextInt(6)) {
                case 0 -> fixture.voidedSale(tenant, store, amount, soldAt);
                case 1 -> fixture.capturedSale(tenant, store, amount, soldAt, soldAt.plusSeconds(3_600L * 30));
                default -> {
                    UUID id = sale(store, amount, soldAt);
                    captured.add(id);
                    yield id;
                }
            };
            // Three cashiers (one reported under two names), some sales naming none; a discount now and then.
            int cashier = random.nextInt(5);
            fixture.reportedBy(
                    tenant,
                    sale,
                    cashier == 4 ? null : "K-0" + Math.min(cashier, 2),
                    cashier == 4 ? null : cashier == 3 ? "Sari D." : "Kasir " + cashier,
                    random.nextInt(3) == 0 ? 100L * random.nextInt(50) : null);
        }
        for (int i = 0; i < 30; i++) {
            fixture.refund(tenant, captured.get(random.nextInt(captured.size())), 500, Instant.now());
        }
        ReportFilter week = ReportFilter.days(first, day);
        List<Object> live = everything(week);
        agreesWithTheSalesList(first, day);
        discountsAndCashiersAddUp(week);

        assertThat(rollups.rollDue(tenant)).isPositive();
        assertThat(everything(week)).as("rolled up = computed from the sales").isEqualTo(live);
        readsTenantDays(week, (ReportService.Comparison) live.get(1));
        assertThat(rollups.rebuild(tenant)).isPositive();
        assertThat(everything(week)).as("rebuilt = computed from the sales").isEqualTo(live);
        // Days rolled by an older shape of the rollups are read from the sales until the job rolls them again.
        int older = platform.call(
                "test: an older rollup shape",
                () -> jdbc.sql("update report_day set version = version - 1 where tenant_id = :tenant")
                        .param("tenant", tenant)
                        .update());
        assertThat(everything(week)).as("older shape read from the sales").isEqualTo(live);
        assertThat(rollups.rollDue(tenant)).as("older shape rolled again").isEqualTo(older);
        assertThat(everything(week))
                .as("rolled again = computed from the sales")
                .isEqualTo(live);

        // A refund of a rolled-up day's sale and a late offline upload show at once, and are listed as changes.
        UUID refunded = captured.getFirst();
        Figures before = summary(first, day, null);
        fixture.refund(tenant, refunded, 700, Instant.now());
        UUID late = fixture.capturedSale(tenant, jakarta, 12_345, at(first.plusDays(2), 10, 0, WIB), Instant.now());
        Figures after = summary(first, day, null);
        assertThat(after.refundedMinor() - before.refundedMinor()).isEqualTo(700);
        assertThat(after.capturedMinor() - before.capturedMinor()).isEqualTo(12_345);
        assertThat(TestUsers.as(admin, () -> reports.changes(week)))
                .extracting(ReportQueries.Change::saleId)
                .contains(refunded, late);
        agreesWithTheSalesList(first, day);
        List<Object> changed = everything(week);
        assertThat(rollups.rollDue(tenant))
                .as("the changed days are rolled again")
                .isPositive();
        assertThat(everything(week)).isEqualTo(changed);
    }

    /**
     * The ended dates were added up into tenant days, and a whole tenant's period totals read them (a tenant day made
     * one rupiah off shows in the comparison; a store's totals do not read it).
     */
    private void readsTenantDays(ReportFilter filter, ReportService.Comparison expected) {
        int tenantDays = platform.call(
                "test: tenant days",
                () -> jdbc.sql(
                                "select count(*) from report_tenant_day where tenant_id = :tenant and day between :from and :to")
                        .param("tenant", tenant)
                        .param("from", filter.from())
                        .param("to", filter.to())
                        .query(Integer.class)
                        .single());
        assertThat(tenantDays).as("every ended date of the week added up").isEqualTo(7);
        Runnable offByOne = () -> jdbc.sql("update report_tenant_total set captured_minor = captured_minor + :delta "
                        + "where tenant_id = :tenant and day = :day")
                .param("delta", 1)
                .param("tenant", tenant)
                .param("day", filter.to())
                .update();
        platform.run("test: a tenant day one rupiah off", offByOne);
        Figures read = TestUsers.as(admin, () -> reports.compare(filter)).current();
        Figures oneStore = summary(filter.from(), filter.to(), jakarta);
        platform.run(
                "test: the tenant day restored",
                () -> jdbc.sql("update report_tenant_total set captured_minor = captured_minor - 1 "
                                + "where tenant_id = :tenant and day = :day")
                        .param("tenant", tenant)
                        .param("day", filter.to())
                        .update());
        assertThat(read.capturedMinor()).isEqualTo(expected.current().capturedMinor() + 1);
        assertThat(oneStore.capturedMinor())
                .isEqualTo(summary(filter.from(), filter.to(), jakarta).capturedMinor());
    }

    @Test
    void supportRecomputesATenantsFiguresAuditedAndNobodyElseMay() throws Exception {
        for (int i = 0; i < 6; i++) {
            sale(i % 2 == 0 ? jakarta : jayapura, 10_000L * (i + 1), at(day.minusDays(i), 12, 0, WIB));
        }
        rollups.rollDue(tenant);
        ReportFilter week = ReportFilter.days(day.minusDays(6), day);
        List<Object> before = everything(week);
        TestUser support = TestUsers.user(null, Set.of(), Role.SUPPORT);

        int days = TestUsers.as(support, () -> rebuilds.rebuild(tenant, "Figures differ from the sales list"))
                .get(1, java.util.concurrent.TimeUnit.MINUTES);

        assertThat(days).as("store days rolled again").isPositive();
        assertThat(everything(week)).as("recomputed = as before").isEqualTo(before);
        assertThat(platform.call(
                        "test: audit",
                        () -> jdbc.sql("select count(*) from audit_entry where tenant_id = :tenant "
                                        + "and action = 'reports.rebuilt'")
                                .param("tenant", tenant)
                                .query(Long.class)
                                .single()))
                .isEqualTo(1L);
        assertThatThrownBy(() -> TestUsers.as(admin, () -> rebuilds.rebuild(tenant, "mine")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TestUsers.as(support, () -> rebuilds.rebuild(tenant, " ")))
                .hasMessage("support.reason.required");
    }

    /** Every figure of every report for the filter, as one comparable value. */
    private List<Object> everything(ReportFilter filter) {
        return TestUsers.as(
                admin,
                () -> List.of(
                        reports.summary(filter),
                        reports.compare(filter),
                        reports.compare(filter.withDays(filter.to(), filter.to())),
                        reports.byDay(filter),
                        reports.byHour(filter),
                        reports.byStore(filter),
                        reports.byDevice(filter),
                        reports.byPaymentMethod(filter),
                        reports.byItem(filter),
                        reports.tax(filter),
                        reports.byWeekdayAndHour(filter),
                        cashiers.byCashier(filter),
                        reports.summary(filter.withCashier("K-02")),
                        reports.byHour(filter.withCashier("K-02")),
                        reports.byDevice(filter.withCashier("K-00"))));
    }

    /**
     * The discounts are those of the captured sales, gross − discounts − refunds is net, and the cashiers' rows add up
     * to the whole (those naming none included), each as the cashier filter reads it.
     */
    private void discountsAndCashiersAddUp(ReportFilter filter) {
        Figures all = TestUsers.as(admin, () -> reports.summary(filter));
        long discounts = platform.call(
                "test: discounts",
                () -> jdbc.sql(
                                "select coalesce(sum(discount_minor), 0) from sale where tenant_id = ? and captured_minor > 0")
                        .param(tenant)
                        .query(Long.class)
                        .single());
        assertThat(all.discountMinor()).isEqualTo(discounts).isPositive();
        assertThat(all.net()).isEqualTo(all.gross().minus(all.discounts()).minus(all.refunds()));
        assertThat(all.net().minor()).isEqualTo(all.capturedMinor() - all.tipMinor() - all.refundedMinor());
        List<ReportService.Line> byCashier = TestUsers.as(admin, () -> cashiers.byCashier(filter));
        assertThat(byCashier).extracting(ReportService.Line::key).containsExactlyInAnyOrder("K-00", "K-01", "K-02", "");
        assertThat(byCashier.getLast().key())
                .as("sales without a cashier come last")
                .isEmpty();
        assertThat(byCashier.stream().map(ReportService.Line::figures).reduce(Figures::plus))
                .contains(all);
        for (ReportService.Line line : byCashier) {
            if (!line.key().isEmpty()) {
                assertThat(TestUsers.as(admin, () -> reports.summary(filter.withCashier(line.key()))))
                        .isEqualTo(line.figures());
            }
        }
        assertThat(byCashier)
                .filteredOn(l -> l.key().equals("K-02"))
                .extracting(ReportService.Line::label)
                .containsExactly("Sari D. (K-02)");
    }

    private void agreesWithTheSalesList(LocalDate from, LocalDate to) {
        for (UUID store : List.of(jakarta, jayapura)) {
            String zone = store.equals(jakarta) ? WIB : WIT;
            Figures figures = summary(from, to, store);
            SaleTotals totals = TestUsers.as(
                            admin,
                            () -> sales.totals(SaleFilter.all()
                                    .withStore(store)
                                    .withPeriod(at(from, 0, 0, zone), at(to.plusDays(1), 0, 0, zone))))
                    .getFirst();
            assertThat(figures.attempts()).isEqualTo(totals.count());
            assertThat(figures.approved()).isEqualTo(totals.approvedCount());
            assertThat(figures.declined()).isEqualTo(totals.declinedCount());
            assertThat(figures.capturedMinor()).isEqualTo(totals.capturedMinor());
            assertThat(figures.refundedMinor()).isEqualTo(totals.refundedMinor());
            assertThat(figures.collected().minor()).isEqualTo(totals.netMinor());
        }
    }

    @Test
    void aStoreManagerReadsTheirStoresOnlyAndACashierNothing() {
        fixture.reportedBy(tenant, sale(jakarta, 10_000, at(day, 12, 0, WIB)), "K-01", "Sari", null);
        fixture.reportedBy(tenant, sale(jayapura, 40_000, at(day, 12, 0, WIT)), "K-09", "Yoga", 5_000L);
        rollups.rollDue(tenant);
        TestUser manager = TestUsers.user(tenant, Set.of(jakarta), Role.STORE_MANAGER);
        ReportFilter filter = ReportFilter.days(day, day);
        assertThat(TestUsers.as(manager, () -> cashiers.cashiers(filter)))
                .as("a store manager sees their stores' cashiers only")
                .containsExactly(java.util.Map.entry("K-01", "Sari (K-01)"));
        assertThat(TestUsers.as(manager, () -> reports.summary(filter.withCashier("K-09")))
                        .transactions())
                .isZero();
        assertThat(TestUsers.as(admin, () -> cashiers.cashiers(filter))).containsOnlyKeys("K-01", "K-09");
        assertThat(TestUsers.as(manager, () -> reports.summary(filter))
                        .collected()
                        .minor())
                .isEqualTo(10_000);
        assertThat(TestUsers.as(manager, () -> reports.byStore(filter)))
                .extracting(ReportService.Line::key)
                .containsExactly(jakarta.toString());
        assertThatThrownBy(() -> TestUsers.as(manager, () -> reports.summary(filter.withStore(jayapura))))
                .isInstanceOf(StoreNotFoundException.class);
        assertThatThrownBy(() -> TestUsers.as(
                        manager, () -> reports.summary(filter.withDevice(SettlementFixture.device(jayapura)))))
                .isInstanceOf(InvalidReportFilterException.class);
        TestUser cashier = TestUsers.user(tenant, Set.of(jakarta), Role.CASHIER);
        assertThatThrownBy(() -> TestUsers.as(cashier, () -> reports.summary(filter)))
                .isInstanceOf(AccessDeniedException.class);

        // Another tenant's context sees none of these rollups, even asking by id (row-level security, lapak_app).
        UUID other = fixture.tenant("Lain");
        TransactionTemplate inTransaction = new TransactionTemplate(transactions);
        long visible = TenantContext.callAs(
                other,
                () -> inTransaction.execute(status -> jdbc.sql("select count(*) from report_day where tenant_id = ?")
                        .param(tenant)
                        .query(Long.class)
                        .single()));
        assertThat(visible).isZero();
        long own = TenantContext.callAs(
                tenant,
                () -> inTransaction.execute(status -> jdbc.sql("select count(*) from report_day where tenant_id = ?")
                        .param(tenant)
                        .query(Long.class)
                        .single()));
        assertThat(own).isPositive();
    }

    @Test
    void aClosedDayKeepsItsFiguresAndShowsLaterChangesBesideThem() {
        UUID sold = sale(jakarta, 25_000, at(day, 9, 0, WIB));
        DayReports.DayReport closed = TestUsers.as(admin, () -> dayReports.closeDay(jakarta, day));
        assertThat(closed.frozen().collected().minor()).isEqualTo(25_000);
        assertThat(closed.changed()).isFalse();
        String recorded = platform.call(
                "test: audit",
                () -> jdbc.sql("""
                select details from audit_entry where tenant_id = ? and action = 'report.day.closed'
                  and entity_id = ?""")
                        .params(tenant, jakarta.toString())
                        .query(String.class)
                        .single());
        assertThat(recorded).contains(closed.sha256());
        assertThat(closed.sha256()).isEqualTo(DayReports.sha256(DayReports.json(closed.frozen())));

        assertThatThrownBy(() -> TestUsers.as(admin, () -> dayReports.closeDay(jakarta, day)))
                .isInstanceOf(InvalidReportFilterException.class)
                .hasMessage("report.z.closedAlready");
        LocalDate today = LocalDate.now(ZoneId.of(WIB));
        assertThatThrownBy(() -> TestUsers.as(admin, () -> dayReports.closeDay(jakarta, today)))
                .isInstanceOf(InvalidReportFilterException.class)
                .hasMessage("report.z.notEnded");

        fixture.refund(tenant, sold, 5_000, Instant.now());
        DayReports.DayReport later =
                TestUsers.as(admin, () -> dayReports.dayReport(jakarta, day)).orElseThrow();
        assertThat(later.frozen().collected().minor()).as("frozen").isEqualTo(25_000);
        assertThat(later.now().collected().minor()).isEqualTo(20_000);
        assertThat(later.changed()).isTrue();
        assertThat(later.changedSince())
                .extracting(ReportQueries.Change::saleId)
                .containsExactly(sold);
    }

    @Test
    void customersShowVisitsNewOrReturningAndStayAnonymousOnceErased() {
        UUID regular = customer("Bu Sari", "ACTIVE");
        UUID erased = customer(null, "ERASED");
        UUID elsewhere = customer("Pak Budi", "ACTIVE");
        buys(regular, sale(jakarta, 30_000, at(day.minusDays(20), 10, 0, WIB)));
        buys(regular, sale(jakarta, 40_000, at(day, 10, 0, WIB)));
        buys(regular, sale(jakarta, 50_000, at(day, 15, 0, WIB)));
        buys(erased, sale(jakarta, 10_000, at(day, 11, 0, WIB)));
        buys(elsewhere, sale(jayapura, 95_000, at(day, 11, 0, WIT)));
        ReportFilter filter = ReportFilter.days(day.minusDays(1), day);

        List<ReportService.CustomerLine> all = TestUsers.as(admin, () -> reports.customers(filter));
        assertThat(all).extracting(ReportService.CustomerLine::customerId).containsExactly(elsewhere, regular, erased);
        ReportService.CustomerLine sari = all.get(1);
        assertThat(sari.visits()).isEqualTo(2);
        assertThat(sari.net().minor()).isEqualTo(90_000);
        assertThat(sari.newInPeriod()).as("bought before the period").isFalse();
        assertThat(all.get(2).name()).as("erased: no name").isNull();
        assertThat(all.get(2).erased()).isTrue();
        assertThat(all.get(0).newInPeriod()).isTrue();

        TestUser manager = TestUsers.user(tenant, Set.of(jakarta), Role.STORE_MANAGER);
        assertThat(TestUsers.as(manager, () -> reports.customers(filter)))
                .extracting(ReportService.CustomerLine::customerId)
                .containsExactly(regular, erased);
    }

    private UUID customer(String name, String status) {
        UUID id = UUID.randomUUID();
        platform.run(
                "test: customer",
                () -> jdbc.sql("""
                insert into customer (tenant_id, id, name, status, erased_at, created_at, updated_at)
                values (?, ?, ?, ?, case when ? = 'ERASED' then now() end, now(), now())""").params(tenant, id, name, status, status).update());
        return id;
    }

    private void buys(UUID customer, UUID sale) {
        platform.run(
                "test: sale's customer",
                () -> jdbc.sql("update sale set customer_id = ? where tenant_id = ? and id = ?")
                        .params(customer, tenant, sale)
                        .update());
    }

    @Test
    void inventoryValuesStockAtCostAndCountsTheMovementsOfThePeriod() {
        UUID variant = TestCatalog.variant(catalog, admin, "Gula Aren");
        platform.run(
                "test: cost",
                () -> jdbc.sql("update catalog_variant set cost_minor = 7000 where tenant_id = ? and id = ?")
                        .params(tenant, variant)
                        .update());
        TestUsers.run(admin, () -> stock.receive(jakarta, List.of(new StockQuantity(variant, 12)), "PO-1"));
        LocalDate today = LocalDate.now(ZoneId.of(WIB));
        List<ReportService.InventoryLine> lines =
                TestUsers.as(admin, () -> reports.inventory(ReportFilter.days(today, today)));
        ReportService.InventoryLine pusat = lines.stream()
                .filter(l -> l.storeId().equals(jakarta))
                .findFirst()
                .orElseThrow();
        assertThat(pusat.onHand()).isEqualTo(12);
        assertThat(pusat.received()).isEqualTo(12);
        assertThat(pusat.valueAtCost().minor()).isEqualTo(84_000);
        assertThat(TestUsers.as(
                        admin, () -> reports.inventory(ReportFilter.days(today.minusDays(9), today.minusDays(2)))))
                .filteredOn(l -> l.storeId().equals(jakarta))
                .extracting(ReportService.InventoryLine::received)
                .containsExactly(0L);
        TestUser manager = TestUsers.user(tenant, Set.of(jayapura), Role.STORE_MANAGER);
        assertThat(TestUsers.as(manager, () -> reports.inventory(ReportFilter.days(today, today))))
                .extracting(ReportService.InventoryLine::storeId)
                .containsExactly(jayapura);
    }

    @Test
    void aFilterThatCannotBeReadIsRefusedWithAReason() {
        assertThatThrownBy(() -> new ReportFilter(day, day.minusDays(1), null, null, null))
                .hasMessage("report.filter.range.reversed");
        assertThatThrownBy(() -> new ReportFilter(day.minusYears(3), day, null, null, null))
                .hasMessage("report.filter.range.tooLong");
        assertThatThrownBy(() -> new ReportFilter(null, day, null, null, null))
                .hasMessage("report.filter.range.missing");
    }
}

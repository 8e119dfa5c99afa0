package id.lapak.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.billing.ledger.Ledger;
import id.lapak.billing.ledger.LedgerAccount;
import id.lapak.billing.settlement.SettlementCloser;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.tenant.context.TenantContext;
import id.lapak.tenant.money.Money;
import id.lapak.testing.IntegrationTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Closing business days against the real schema: which sales land in which day's batch across WIB and WITA, the
 * fees and PPN, the ledger, the payout date, reruns, catch-up after downtime and two closers at once.
 */
@IntegrationTest
class SettlementCloseIntegrationTest {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final ZoneId WITA = ZoneId.of("Asia/Makassar");

    @Autowired
    TenantDirectory tenants;

    @Autowired
    PlatformAccess platform;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SettlementCloser closer;

    @Autowired
    Ledger ledger;

    SettlementFixture fixture;
    SettlementChecks checks;

    @BeforeEach
    void setUp() {
        fixture = new SettlementFixture(tenants, platform, jdbc);
        checks = new SettlementChecks(platform, jdbc);
    }

    private static Instant at(ZoneId zone, String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    @Test
    void yesterdaysSalesOfBothZonesSettleWithFeesPpnLedgerAndANextBankingDayPayout() {
        UUID tenant = fixture.tenant("Toko Dua Zona");
        UUID jakarta = fixture.store(tenant, "Jakarta", "Asia/Jakarta");
        UUID bali = fixture.store(tenant, "Bali", "Asia/Makassar");
        fixture.plan(tenant, LocalDate.of(2026, 1, 1), 290, 0, 300, 1100);
        fixture.payoutAccount(tenant);
        // Friday 4 December 2026.
        UUID late =
                fixture.capturedSale(tenant, jakarta, 15_005, at(WIB, "2026-12-04T23:30"), at(WIB, "2026-12-04T23:30"));
        fixture.capturedSale(tenant, bali, 10_000, at(WITA, "2026-12-04T23:30"), at(WITA, "2026-12-04T23:30"));
        // 23:30 in Jakarta is already Saturday 00:30 in Bali: Saturday's business day there.
        fixture.capturedSale(tenant, bali, 20_000, at(WIB, "2026-12-04T23:30"), at(WIB, "2026-12-04T23:30"));
        fixture.refund(tenant, late, 5_000, at(WIB, "2026-12-04T23:45"));
        fixture.voidedSale(tenant, jakarta, 99_000, at(WIB, "2026-12-04T12:00"));

        // Before Jakarta's cut-off plus grace, nothing closes.
        assertThat(closer.close(tenant, at(WIB, "2026-12-05T00:10")).daysClosed())
                .isZero();
        SettlementCloser.Outcome outcome = closer.close(tenant, at(WIB, "2026-12-05T00:45"));

        assertThat(outcome.daysClosed()).isEqualTo(1);
        List<SettlementChecks.Batch> batches = checks.batches(tenant);
        assertThat(batches).hasSize(1);
        SettlementChecks.Batch friday = batches.getFirst();
        assertThat(friday.day()).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(friday.lines()).isEqualTo(3);
        assertThat(friday.gross()).isEqualTo(25_005);
        assertThat(friday.refunds()).isEqualTo(5_000);
        // 290 bp of 15,005 = 435.145 -> 435; of 10,000 = 290, raised to the 300 minimum. PPN 11 %: 48 + 33.
        assertThat(friday.fees()).isEqualTo(735);
        assertThat(friday.ppn()).isEqualTo(81);
        assertThat(friday.net()).isEqualTo(25_005 - 5_000 - 735 - 81);
        // Friday's payout goes out on the next banking day, Monday.
        assertThat(checks.payouts(tenant)).containsExactly(Map.entry(LocalDate.of(2026, 12, 7), friday.net()));

        TenantContext.runAs(
                tenant,
                () -> platform.run("test: balances", () -> {
                    Map<LedgerAccount, Money> balances = ledger.balances(tenant, "IDR");
                    assertThat(balances.get(LedgerAccount.MERCHANT_PAYABLE)).isEqualTo(Money.of(-friday.net(), "IDR"));
                    // Every capture and refund is posted as it succeeds: Saturday's sale in Bali is still pending.
                    assertThat(balances.get(LedgerAccount.MERCHANT_PENDING)).isEqualTo(Money.of(-20_000, "IDR"));
                    assertThat(balances.get(LedgerAccount.PLATFORM_FEES)).isEqualTo(Money.of(-735, "IDR"));
                    assertThat(balances.get(LedgerAccount.PPN_ON_FEES)).isEqualTo(Money.of(-81, "IDR"));
                    assertThat(balances.get(LedgerAccount.ACQUIRER_RECEIVABLE)).isEqualTo(Money.of(40_005, "IDR"));
                }));
        checks.assertConsistent(tenant);

        // A rerun changes nothing.
        SettlementChecks.Snapshot before = checks.snapshot(tenant);
        assertThat(closer.close(tenant, at(WIB, "2026-12-05T00:50")).daysClosed())
                .isZero();
        assertThat(checks.snapshot(tenant)).isEqualTo(before);
    }

    @Test
    void aChargebackAndItsReversalSettleOnceEachOnTheDayTheyWereRecorded() {
        UUID tenant = fixture.tenant("Toko Sengketa");
        UUID store = fixture.store(tenant, "Pusat", "Asia/Jakarta");
        UUID sale =
                fixture.capturedSale(tenant, store, 100_000, at(WIB, "2026-12-01T10:00"), at(WIB, "2026-12-01T10:00"));
        closer.close(tenant, at(WIB, "2026-12-02T01:00"));
        fixture.chargeback(tenant, sale, "CHARGEBACK", 40_000, at(WIB, "2026-12-02T09:00"));
        fixture.chargeback(tenant, sale, "CHARGEBACK_REVERSAL", 15_000, at(WIB, "2026-12-02T16:00"));

        closer.close(tenant, at(WIB, "2026-12-03T01:00"));
        closer.close(tenant, at(WIB, "2026-12-03T02:00"));

        List<SettlementChecks.Batch> batches = checks.batches(tenant);
        assertThat(batches)
                .extracting(SettlementChecks.Batch::day)
                .containsExactly(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2));
        SettlementChecks.Batch second = batches.get(1);
        assertThat(second.lines()).isEqualTo(2);
        assertThat(second.gross()).isEqualTo(15_000);
        assertThat(second.refunds()).isEqualTo(40_000);
        assertThat(second.net()).isEqualTo(-25_000);
        checks.assertConsistent(tenant);
    }

    @Test
    void anOfflineSaleUploadedAfterItsDayClosedGoesIntoTheDayItWasRecordedAndIsMarkedLate() {
        UUID tenant = fixture.tenant("Toko Offline");
        UUID store = fixture.store(tenant, "Pusat", "Asia/Jakarta");
        fixture.capturedSale(tenant, store, 50_000, at(WIB, "2026-12-01T10:00"), at(WIB, "2026-12-01T10:00"));
        closer.close(tenant, at(WIB, "2026-12-02T01:00"));
        // Sold on the 1st, offline; uploaded on the 2nd after the 1st was closed.
        fixture.capturedSale(tenant, store, 7_000, at(WIB, "2026-12-01T15:00"), at(WIB, "2026-12-02T09:00"));
        closer.close(tenant, at(WIB, "2026-12-03T01:00"));

        List<SettlementChecks.Batch> batches = checks.batches(tenant);
        assertThat(batches)
                .extracting(SettlementChecks.Batch::day)
                .containsExactly(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2));
        assertThat(batches.get(0).gross()).isEqualTo(50_000);
        assertThat(batches.get(1).gross()).isEqualTo(7_000);
        assertThat(batches.get(1).late()).isEqualTo(1);
        checks.assertConsistent(tenant);
    }

    @Test
    void afterThreeDaysOfDowntimeOneRunClosesEachMissedDayInItsOwnBatchAndANegativeDayIsCarried() {
        UUID tenant = fixture.tenant("Toko Libur");
        UUID store = fixture.store(tenant, "Pusat", "Asia/Jakarta");
        fixture.payoutAccount(tenant);
        UUID sale =
                fixture.capturedSale(tenant, store, 80_000, at(WIB, "2026-12-07T10:00"), at(WIB, "2026-12-07T10:00"));
        closer.close(tenant, at(WIB, "2026-12-08T01:00"));
        // Tuesday only a refund of Monday's sale: the day nets negative.
        fixture.refund(tenant, sale, 30_000, at(WIB, "2026-12-08T11:00"));
        fixture.capturedSale(tenant, store, 10_000, at(WIB, "2026-12-09T11:00"), at(WIB, "2026-12-09T11:00"));
        fixture.capturedSale(tenant, store, 40_000, at(WIB, "2026-12-10T11:00"), at(WIB, "2026-12-10T11:00"));

        SettlementCloser.Outcome outcome = closer.close(tenant, at(WIB, "2026-12-11T06:00"));

        assertThat(outcome.daysClosed()).isEqualTo(3);
        List<SettlementChecks.Batch> batches = checks.batches(tenant);
        assertThat(batches)
                .extracting(SettlementChecks.Batch::day)
                .containsExactly(
                        LocalDate.of(2026, 12, 7),
                        LocalDate.of(2026, 12, 8),
                        LocalDate.of(2026, 12, 9),
                        LocalDate.of(2026, 12, 10));
        assertThat(batches.get(1).net()).isEqualTo(-30_000);
        assertThat(batches.get(2).carriedIn()).isEqualTo(-30_000);
        assertThat(batches.get(2).net()).isEqualTo(-20_000);
        assertThat(batches.get(3).carriedIn()).isEqualTo(-20_000);
        assertThat(batches.get(3).net()).isEqualTo(20_000);
        // No negative payout, and no payout for a batch that nets below zero.
        assertThat(checks.payouts(tenant)).extracting(Map.Entry::getValue).containsExactly(80_000L, 20_000L);
        checks.assertConsistent(tenant);
    }

    @Test
    void twoNodesClosingAtTheSameMomentCloseEachDayOnce() throws Exception {
        UUID tenant = fixture.tenant("Toko Kembar");
        UUID store = fixture.store(tenant, "Pusat", "Asia/Jakarta");
        fixture.payoutAccount(tenant);
        for (int day = 1; day <= 3; day++) {
            for (int i = 0; i < 20; i++) {
                Instant t = at(WIB, "2026-12-0" + day + "T10:00").plusSeconds(i * 60L);
                fixture.capturedSale(tenant, store, 1_000 + i, t, t);
            }
        }
        Instant now = at(WIB, "2026-12-04T02:00");
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<SettlementCloser.Outcome>> runs = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                Callable<SettlementCloser.Outcome> run = () -> {
                    start.await();
                    return closer.close(tenant, now);
                };
                runs.add(nodes.submit(run));
            }
            int batchesMade = 0;
            for (Future<SettlementCloser.Outcome> run : runs) {
                batchesMade += run.get().batches();
            }
            assertThat(batchesMade).isEqualTo(3);
        } finally {
            nodes.shutdownNow();
        }
        assertThat(checks.batches(tenant))
                .hasSize(3)
                .allSatisfy(b -> assertThat(b.lines()).isEqualTo(20));
        assertThat(checks.payouts(tenant)).hasSize(3);
        checks.assertConsistent(tenant);
    }
}

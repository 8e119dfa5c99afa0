package id.lapak.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.billing.ledger.Ledger;
import id.lapak.billing.ledger.LedgerAccount;
import id.lapak.billing.pricing.FeeRule;
import id.lapak.billing.settlement.SettlementCloser;
import id.lapak.billing.settlement.SettlementService;
import id.lapak.billing.settlement.SettlementViews.Step;
import id.lapak.billing.settlement.SettlementViews.Waterfall;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.tenant.context.TenantContext;
import id.lapak.tenant.money.Money;
import id.lapak.testing.IntegrationTest;
import id.lapak.testing.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Random sales, refunds, voids, chargebacks and their reversals, manual adjustments and late offline uploads over a
 * week in three zones (WIB, WITA and Sydney across its October daylight-saving change), with the close of day
 * running at random moments and missing some (downtime). Whatever the order, the settlement invariants hold, every
 * operation and adjustment is in exactly one batch, the ledger balances and its accounts add up to the batches,
 * every store's every day's waterfall closes with nothing pending, and a final rerun changes nothing.
 */
@IntegrationTest
class SettlementPropertyIntegrationTest {

    private static final Instant WEEK_START = Instant.parse("2026-09-30T12:00:00Z");
    private static final FeeRule RULE = new FeeRule(190, Money.of(150, "IDR"), Money.of(700, "IDR"), 1100);

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

    @Autowired
    SettlementService settlement;

    /**
     * Each total of the waterfall is the running sum of the steps above it, nothing is left pending once every day
     * is closed, and what was paid out plus what waits or failed is what was settled net.
     */
    private static void assertClosesToZero(Waterfall waterfall) {
        long running = 0;
        boolean first = true;
        for (Step step : waterfall.steps()) {
            if (step.total() && !first) {
                assertThat(step.amountMinor())
                        .as("%s of %s on %s", step.key(), waterfall.storeId(), waterfall.businessDay())
                        .isEqualTo(running);
            }
            running =
                    step.total() && first ? step.amountMinor() : step.total() ? running : running + step.amountMinor();
            first = false;
            if ("pending".equals(step.key())) {
                assertThat(step.amountMinor())
                        .as("pending on %s", waterfall.businessDay())
                        .isZero();
            }
        }
    }

    /** Something that happens at a moment: a sale recorded, a refund, a void. */
    private record Event(Instant at, Runnable write) {}

    @ParameterizedTest
    @ValueSource(longs = {7L, 2026L, 424242L})
    void closingAtRandomMomentsKeepsEveryInvariant(long seed) {
        Random random = new Random(seed);
        SettlementFixture fixture = new SettlementFixture(tenants, platform, jdbc);
        SettlementChecks checks = new SettlementChecks(platform, jdbc);
        UUID tenant = fixture.tenant("Toko Acak " + seed);
        List<UUID> stores = List.of(
                fixture.store(tenant, "Jakarta", "Asia/Jakarta"),
                fixture.store(tenant, "Bali", "Asia/Makassar"),
                fixture.store(tenant, "Sydney", "Australia/Sydney"));
        fixture.plan(tenant, LocalDate.of(2026, 1, 1), 190, 150, 700, 1100);
        fixture.payoutAccount(tenant);

        List<Event> events = new ArrayList<>();
        Map<Integer, UUID> sales = new HashMap<>();
        for (int i = 0; i < 60; i++) {
            int n = i;
            UUID store = stores.get(random.nextInt(stores.size()));
            Instant sold = WEEK_START.plus(Duration.ofMinutes(random.nextInt(7 * 24 * 60)));
            long amount = 1_000 + random.nextInt(500_000);
            int kind = random.nextInt(10);
            if (kind == 0) {
                events.add(new Event(sold, () -> fixture.voidedSale(tenant, store, amount, sold)));
                continue;
            }
            // One in four is offline and uploaded up to three days later.
            Instant recorded = kind <= 2 ? sold.plus(Duration.ofMinutes(random.nextInt(3 * 24 * 60))) : sold;
            events.add(new Event(
                    recorded, () -> sales.put(n, fixture.capturedSale(tenant, store, amount, sold, recorded))));
            if (kind == 3 || kind == 4) {
                Instant disputed = recorded.plus(Duration.ofMinutes(1 + random.nextInt(5 * 24 * 60)));
                events.add(new Event(
                        disputed, () -> fixture.chargeback(tenant, sales.get(n), "CHARGEBACK", amount, disputed)));
                if (kind == 4) {
                    Instant won = disputed.plus(Duration.ofMinutes(1 + random.nextInt(2 * 24 * 60)));
                    events.add(new Event(
                            won, () -> fixture.chargeback(tenant, sales.get(n), "CHARGEBACK_REVERSAL", amount, won)));
                }
            }
            if (kind >= 7) {
                Instant refundAt = recorded.plus(Duration.ofMinutes(1 + random.nextInt(4 * 24 * 60)));
                long part = kind == 9 ? amount : 1 + random.nextInt((int) amount);
                events.add(new Event(refundAt, () -> fixture.refund(tenant, sales.get(n), part, refundAt)));
            }
        }
        for (int i = 0; i < 8; i++) {
            Instant at = WEEK_START.plus(Duration.ofMinutes(random.nextInt(8 * 24 * 60)));
            long amount = (random.nextBoolean() ? 1 : -1) * (1 + random.nextInt(200_000));
            events.add(new Event(at, () -> fixture.adjustment(tenant, amount, at)));
        }
        events.sort(Comparator.comparing(Event::at));

        Instant now = WEEK_START;
        int next = 0;
        Instant end = WEEK_START.plus(Duration.ofDays(12));
        while (now.isBefore(end)) {
            now = now.plus(Duration.ofMinutes(30 + random.nextInt(20 * 60)));
            while (next < events.size() && !events.get(next).at().isAfter(now)) {
                events.get(next++).write().run();
            }
            if (random.nextInt(4) != 0) { // the cluster is down for a quarter of the runs
                closer.close(tenant, now);
            }
            checks.assertConsistent(tenant);
        }
        assertThat(next).isEqualTo(events.size());
        closer.close(tenant, end.plus(Duration.ofDays(2)));

        checks.assertConsistent(tenant);
        checks.assertEveryOperationSettledOnce(tenant);
        checks.assertEveryAdjustmentSettledOnce(tenant);
        checks.assertFees(tenant, RULE);
        List<SettlementChecks.Batch> batches = checks.batches(tenant);
        long lineGross =
                batches.stream().mapToLong(b -> b.gross() - b.refunds()).sum();
        long adjusted =
                batches.stream().mapToLong(SettlementChecks.Batch::adjustments).sum();
        long fees = batches.stream().mapToLong(SettlementChecks.Batch::fees).sum();
        long ppn = batches.stream().mapToLong(SettlementChecks.Batch::ppn).sum();
        long payable = batches.stream().mapToLong(b -> b.net() - b.carriedIn()).sum();
        assertThat(batches).extracting(SettlementChecks.Batch::day).doesNotHaveDuplicates();
        TenantContext.runAs(
                tenant,
                () -> platform.run("test: balances", () -> {
                    Map<LedgerAccount, Money> balances = ledger.balances(tenant, "IDR");
                    assertThat(balances.get(LedgerAccount.MERCHANT_PENDING).minor())
                            .isZero();
                    assertThat(balances.get(LedgerAccount.ACQUIRER_RECEIVABLE).minor())
                            .isEqualTo(lineGross);
                    assertThat(balances.get(LedgerAccount.PLATFORM_FEES).minor())
                            .isEqualTo(-fees);
                    assertThat(balances.get(LedgerAccount.PPN_ON_FEES).minor()).isEqualTo(-ppn);
                    assertThat(balances.get(LedgerAccount.ADJUSTMENTS).minor()).isEqualTo(adjusted);
                    assertThat(balances.get(LedgerAccount.MERCHANT_PAYABLE).minor())
                            .isEqualTo(-payable);
                    assertThat(balances.values().stream()
                                    .mapToLong(Money::minor)
                                    .sum())
                            .as("the ledger sums to zero")
                            .isZero();
                }));
        // Every positive batch has its one payout; nothing negative is paid out.
        assertThat(checks.payouts(tenant))
                .hasSize((int) batches.stream().filter(b -> b.net() > 0).count());

        var admin = TestUsers.user(tenant, Set.of(), Role.MERCHANT_ADMIN);
        for (UUID store : stores) {
            for (LocalDate day = LocalDate.of(2026, 9, 29);
                    day.isBefore(LocalDate.of(2026, 10, 14));
                    day = day.plusDays(1)) {
                LocalDate d = day;
                assertClosesToZero(TestUsers.as(admin, () -> settlement.waterfall(store, d)));
            }
        }

        SettlementChecks.Snapshot before = checks.snapshot(tenant);
        SettlementCloser.Outcome rerun = closer.close(tenant, end.plus(Duration.ofDays(3)));
        assertThat(rerun.daysClosed()).isZero();
        assertThat(checks.snapshot(tenant)).isEqualTo(before);
    }
}

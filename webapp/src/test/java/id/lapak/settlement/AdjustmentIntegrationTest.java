package id.lapak.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapak.billing.ledger.Ledger;
import id.lapak.billing.ledger.LedgerAccount;
import id.lapak.billing.settlement.AdjustmentRefused;
import id.lapak.billing.settlement.AdjustmentService;
import id.lapak.billing.settlement.SettlementCloser;
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
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;

/**
 * Manual adjustments: recorded with a reason by the merchant admin or by support for a tenant, audited, refused
 * whole when the amount or reason is wrong, never edited, and settled into the next business day closed, once.
 */
@IntegrationTest
class AdjustmentIntegrationTest {

    @Autowired
    TenantDirectory tenants;

    @Autowired
    PlatformAccess platform;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AdjustmentService adjustments;

    @Autowired
    SettlementCloser closer;

    @Autowired
    Ledger ledger;

    @Test
    void adjustmentsSettleIntoTheNextDayClosedOnceAndANegativeOneIsCarried() {
        SettlementFixture fixture = new SettlementFixture(tenants, platform, jdbc);
        SettlementChecks checks = new SettlementChecks(platform, jdbc);
        UUID tenant = fixture.tenant("Toko Koreksi");
        UUID store = fixture.store(tenant, "Jakarta", "Asia/Jakarta");
        fixture.plan(tenant, LocalDate.of(2026, 1, 1), 0, 0, 0, 1100);
        fixture.payoutAccount(tenant);
        var admin = TestUsers.user(tenant, Set.of(), Role.MERCHANT_ADMIN);
        var support = TestUsers.user(null, Set.of(), Role.SUPPORT);
        Instant now = Instant.now();
        fixture.capturedSale(tenant, store, 100_000, now, now);

        TestUsers.as(admin, () -> adjustments.record(Money.of(25_000, "IDR"), "Biaya bulan lalu dikembalikan"));
        TestUsers.as(support, () -> adjustments.recordFor(tenant, Money.of(-5_000, "IDR"), "Selisih kurs koreksi"));
        SettlementCloser.Outcome first = closer.close(tenant, now.plus(Duration.ofDays(2)));

        assertThat(first.daysClosed()).isEqualTo(1);
        List<SettlementChecks.Batch> batches = checks.batches(tenant);
        assertThat(batches).singleElement().satisfies(b -> {
            assertThat(b.lines()).isEqualTo(1);
            assertThat(b.adjustments()).isEqualTo(20_000);
            assertThat(b.net()).isEqualTo(120_000);
        });
        assertThat(checks.payouts(tenant))
                .singleElement()
                .satisfies(p -> assertThat(p.getValue()).isEqualTo(120_000));
        assertThat(TestUsers.as(admin, () -> adjustments.latest(10)))
                .allSatisfy(a ->
                        assertThat(a.batchDay()).isEqualTo(batches.getFirst().day()));

        // Recorded after that day closed: the next day closed takes it, even without a sale; negative, it is carried.
        TestUsers.as(admin, () -> adjustments.record(Money.of(-150_000, "IDR"), "Denda keterlambatan dokumen"));
        SettlementChecks.Snapshot settledOnce = null;
        for (int rerun = 0; rerun < 2; rerun++) {
            closer.close(tenant, now.plus(Duration.ofDays(3)));
            SettlementChecks.Snapshot snapshot = checks.snapshot(tenant);
            assertThat(settledOnce == null || snapshot.equals(settledOnce))
                    .as("a rerun changes nothing")
                    .isTrue();
            settledOnce = snapshot;
        }
        List<SettlementChecks.Batch> after = checks.batches(tenant);
        assertThat(after).hasSize(2);
        assertThat(after.get(1).day()).isEqualTo(after.get(0).day().plusDays(1));
        assertThat(after.get(1).lines()).isZero();
        assertThat(after.get(1).net()).isEqualTo(-150_000);
        assertThat(checks.payouts(tenant)).hasSize(1);
        checks.assertConsistent(tenant);
        checks.assertEveryAdjustmentSettledOnce(tenant);
        TenantContext.runAs(
                tenant,
                () -> platform.run("test: balances", () -> {
                    var balances = ledger.balances(tenant, "IDR");
                    assertThat(balances.get(LedgerAccount.ADJUSTMENTS).minor()).isEqualTo(-130_000);
                    assertThat(balances.get(LedgerAccount.MERCHANT_PENDING).minor())
                            .isZero();
                }));

        List<String> audited = platform.call(
                "test", () -> jdbc.sql("""
                select details from audit_entry where tenant_id = ? and action = 'ledger_adjustment.record'
                order by seq""").param(tenant).query(String.class).list());
        assertThat(audited).hasSize(3);
        assertThat(audited.get(1)).contains("Selisih kurs koreksi").contains("-5000");
    }

    @Test
    void aZeroAmountOrAMissingReasonIsRefusedAndNothingIsWritten() {
        UUID tenant = new SettlementFixture(tenants, platform, jdbc).tenant("Toko Salah Ketik");
        var admin = TestUsers.user(tenant, Set.of(), Role.MERCHANT_ADMIN);
        var manager = TestUsers.user(tenant, Set.of(), Role.STORE_MANAGER);

        assertThatThrownBy(() -> TestUsers.as(admin, () -> adjustments.record(Money.of(0, "IDR"), " a ")))
                .isInstanceOfSatisfying(
                        AdjustmentRefused.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("amount", "reason"));
        assertThatThrownBy(() -> TestUsers.as(
                        admin, () -> adjustments.record(Money.of(10_000_000_001L, "IDR"), "Terlalu banyak nol")))
                .isInstanceOfSatisfying(
                        AdjustmentRefused.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("amount"));
        assertThatThrownBy(() ->
                        TestUsers.as(manager, () -> adjustments.record(Money.of(1_000, "IDR"), "Bukan haknya")))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> TestUsers.as(
                        admin, () -> adjustments.recordFor(tenant, Money.of(1_000, "IDR"), "Hanya untuk support")))
                .isInstanceOf(AuthorizationDeniedException.class);

        assertThat(platform.call(
                        "test",
                        () -> jdbc.sql("""
                select (select count(*) from ledger_adjustment where tenant_id = ?)
                     + (select count(*) from ledger_transaction where tenant_id = ?)""")
                                .params(tenant, tenant)
                                .query(Long.class)
                                .single()))
                .isZero();
    }
}

package id.lapak.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapak.billing.ledger.Ledger;
import id.lapak.billing.ledger.LedgerAccount;
import id.lapak.billing.ledger.LedgerKind;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.tenant.context.TenantContext;
import id.lapak.testing.IntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ledger's rules hold in the database, for the application's own role, whatever Java does: an unbalanced
 * transaction is refused, entries are never updated or deleted, the same cause is posted once, and another tenant's
 * ledger reads as empty.
 */
@IntegrationTest
class LedgerDatabaseRulesIntegrationTest {

    @Autowired
    TenantDirectory tenants;

    @Autowired
    PlatformAccess platform;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;

    @Test
    void anOperationIsRecordedOnceWhenItSucceedsAndCallingTheRecorderByHandAddsNothing() {
        SettlementFixture fixture = new SettlementFixture(tenants, platform, jdbc);
        UUID tenant = fixture.tenant("Toko Catat Sekali");
        UUID store = fixture.store(tenant, "Jakarta", "Asia/Jakarta");
        Instant at = Instant.parse("2026-11-20T05:00:00Z");
        UUID sale = fixture.capturedSale(tenant, store, 80_000, at, at);
        UUID voided = fixture.voidedSale(tenant, store, 40_000, at);
        record Counts(long lines, long transactions, long entries) {}
        java.util.function.Supplier<Counts> counts = () -> platform.call(
                "test: counts",
                () -> jdbc.sql("""
                                select (select count(*) from settlement_line where tenant_id = ?),
                                       (select count(*) from ledger_transaction where tenant_id = ?),
                                       (select count(*) from ledger_entry where tenant_id = ?)""")
                        .params(tenant, tenant, tenant)
                        .query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                        .single());
        // The capture wrote its line and its posting as it succeeded; the void moved no money.
        assertThat(counts.get()).isEqualTo(new Counts(1, 1, 2));
        List<UUID> operations = platform.call(
                "test: operations",
                () -> jdbc.sql("select id from payment_operation where tenant_id = ? and sale_id in (?, ?)")
                        .params(tenant, sale, voided)
                        .query(UUID.class)
                        .list());
        // The application's role calling the recorder by hand: for every operation, for one of no one, again.
        TenantContext.runAs(
                tenant,
                () -> new org.springframework.transaction.support.TransactionTemplate(transactionManager)
                        .executeWithoutResult(s -> {
                            for (UUID operation : operations) {
                                jdbc.sql("select settlement_record(?, ?)")
                                        .params(tenant, operation)
                                        .query((rs, n) -> 1)
                                        .list();
                            }
                            jdbc.sql("select settlement_record(?, ?)")
                                    .params(tenant, UUID.randomUUID())
                                    .query((rs, n) -> 1)
                                    .list();
                        }));
        assertThat(counts.get()).isEqualTo(new Counts(1, 1, 2));
    }

    @Test
    void unbalancedEditedOrDoubledPostingsAreRefusedByTheDatabase() {
        UUID tenant = new SettlementFixture(tenants, platform, jdbc).tenant("Toko Buku Besar");
        UUID other = new SettlementFixture(tenants, platform, jdbc).tenant("Toko Lain");
        UUID cause = UUID.randomUUID();
        TenantContext.runAs(
                tenant,
                () -> platform.run(
                        "test: post",
                        () -> assertThat(ledger.post(
                                        tenant,
                                        LedgerKind.ADJUSTMENT,
                                        cause,
                                        "IDR",
                                        Instant.now(),
                                        "test",
                                        "opening",
                                        List.of(
                                                new Ledger.Entry(LedgerAccount.ADJUSTMENTS, 5_000),
                                                new Ledger.Entry(LedgerAccount.MERCHANT_PAYABLE, -5_000))))
                                .isTrue()));
        UUID transaction = platform.call(
                "test",
                () -> jdbc.sql("select id from ledger_transaction where tenant_id = ? and source_id = ?")
                        .params(tenant, cause)
                        .query(UUID.class)
                        .single());

        // One entry more, on its own, would leave the transaction unbalanced.
        assertThatThrownBy(() -> platform.run(
                        "test: unbalanced",
                        () -> jdbc.sql("""
                insert into ledger_entry (tenant_id, transaction_id, entry_no, account, amount_minor)
                values (?, ?, 3, 'PLATFORM_FEES', -1)""").params(tenant, transaction).update()))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("does not balance");
        assertThatThrownBy(() -> platform.run(
                        "test: edit",
                        () -> jdbc.sql("update ledger_entry set amount_minor = 1 where tenant_id = ?")
                                .param(tenant)
                                .update()))
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> platform.run(
                        "test: delete",
                        () -> jdbc.sql("delete from ledger_transaction where tenant_id = ?")
                                .param(tenant)
                                .update()))
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied");

        UUID payout = UUID.randomUUID();
        List<Ledger.Entry> sent = List.of(
                new Ledger.Entry(LedgerAccount.MERCHANT_PAYABLE, 5_000),
                new Ledger.Entry(LedgerAccount.PAYOUT_IN_TRANSIT, -5_000));
        platform.run("test: once", () -> {
            assertThat(ledger.post(tenant, LedgerKind.PAYOUT_SENT, payout, "IDR", Instant.now(), "t", null, sent))
                    .isTrue();
            assertThat(ledger.post(tenant, LedgerKind.PAYOUT_SENT, payout, "IDR", Instant.now(), "t", null, sent))
                    .isFalse();
        });
        long entries = platform.call(
                "test",
                () -> jdbc.sql("select count(*) from ledger_entry where tenant_id = ?")
                        .param(tenant)
                        .query(Long.class)
                        .single());
        assertThat(entries).isEqualTo(4);
        var transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        long seenByOther = TenantContext.callAs(
                other,
                () -> transactions.execute(s -> jdbc.sql("select count(*) from ledger_entry where tenant_id = ?")
                        .param(tenant)
                        .query(Long.class)
                        .single()));
        long seenByOwner = TenantContext.callAs(
                tenant,
                () -> transactions.execute(s -> jdbc.sql("select count(*) from ledger_entry where tenant_id = ?")
                        .param(tenant)
                        .query(Long.class)
                        .single()));
        assertThat(seenByOther).isZero();
        assertThat(seenByOwner).isEqualTo(4);
    }
}

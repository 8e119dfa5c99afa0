package id.lapak.auditlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.audit.AuditActor;
import id.lapak.tenant.audit.AuditEvent;
import id.lapak.tenant.audit.AuditLog;
import id.lapak.tenant.audit.ChainStatus;
import id.lapak.tenant.context.TenantContext;
import id.lapak.tenant.context.TenantSeal;
import id.lapak.tenant.store.StoreService;
import id.lapak.testing.IntegrationTest;
import id.lapak.testing.TestMerchants;
import id.lapak.testing.TestMerchants.Merchant;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class AuditLogIntegrationTest {

    @Autowired
    TenantSeal seal;

    @Autowired
    AuditLog audit;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    StoreService stores;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Value("${spring.datasource.url}")
    String url;

    @Test
    void entriesChainAndVerify() {
        Merchant merchant = TestMerchants.create(tenants, stores, "Audit chain");
        for (int i = 0; i < 5; i++) {
            int n = i;
            AuditActor.system("test")
                    .runAs(() -> audit.recordFor(
                            merchant.tenant(),
                            AuditEvent.of("test.step", "thing", n)
                                    .change("count", n, n + 1)
                                    .detail("reason", "step " + n)));
        }
        ChainStatus status = audit.verify(merchant.tenant());
        assertThat(status.intact()).isTrue();
        assertThat(status.entries()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void anEntryRollsBackWithItsTransaction() {
        Merchant merchant = TestMerchants.create(tenants, stores, "Audit rollback");
        long before = audit.verify(merchant.tenant()).entries();
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        assertThatThrownBy(() -> TenantContext.runAs(
                        merchant.tenant(),
                        () -> tx.executeWithoutResult(s -> {
                            audit.record(AuditEvent.of("test.doomed"));
                            throw new IllegalStateException("the change fails");
                        })))
                .hasMessage("the change fails");
        ChainStatus after = audit.verify(merchant.tenant());
        assertThat(after.entries()).isEqualTo(before);
        assertThat(after.intact()).isTrue();
    }

    @Test
    void concurrentAppendsKeepOneUnbrokenChain() throws Exception {
        Merchant merchant = TestMerchants.create(tenants, stores, "Audit concurrency");
        long before = audit.verify(merchant.tenant()).entries();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                done.add(pool.submit(() -> AuditActor.system("test")
                        .runAs(() -> audit.recordFor(merchant.tenant(), AuditEvent.of("test.parallel")))));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        ChainStatus status = audit.verify(merchant.tenant());
        assertThat(status.intact()).isTrue();
        assertThat(status.entries()).isEqualTo(before + 60);
    }

    @Test
    void theApplicationRoleCannotChangeOrDeleteEntries() throws SQLException {
        Merchant merchant = TestMerchants.create(tenants, stores, "Audit append only");
        UUID id =
                AuditActor.system("test").callAs(() -> audit.recordFor(merchant.tenant(), AuditEvent.of("test.fixed")));
        try (Connection c = DriverManager.getConnection(url, "lapak_app", "lapak_app")) {
            c.setAutoCommit(false);
            setTenant(c, merchant.tenant());
            assertThatThrownBy(() -> execute(c, "update audit_entry set action = 'x' where id = '" + id + "'"))
                    .hasMessageContaining("permission denied");
            c.rollback();
            setTenant(c, merchant.tenant());
            assertThatThrownBy(() -> execute(c, "delete from audit_entry where id = '" + id + "'"))
                    .hasMessageContaining("permission denied");
            c.rollback();
            setTenant(c, merchant.tenant());
            assertThatThrownBy(() -> execute(c, "update audit_chain_head set last_seq = 0"))
                    .as("the head moves only by appending")
                    .hasMessageContaining("permission denied");
            c.rollback();
            setTenant(c, merchant.tenant());
            assertThatThrownBy(() -> execute(
                            c, "select app_audit_advance_head('" + merchant.tenant() + "', 99, '\\x00'::bytea)"))
                    .as("not onto an entry that is not there")
                    .hasMessageContaining("cannot move");
            c.rollback();
        }
    }

    @Test
    void tamperingByTheOwnerIsFoundAtTheChangedEntry() throws SQLException {
        Merchant merchant = TestMerchants.create(tenants, stores, "Audit tamper");
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(AuditActor.system("test")
                    .callAs(() -> audit.recordFor(
                            merchant.tenant(), AuditEvent.of("test.amount").change("amount", 1, 2))));
        }
        try (Connection c = ownerConnection()) {
            execute(c, "update audit_entry set changes = replace(changes, '2', '9') where id = '" + ids.get(2) + "'");
        }
        ChainStatus edited = audit.verify(merchant.tenant());
        assertThat(edited.intact()).isFalse();
        assertThat(edited.firstBadEntryId()).isEqualTo(ids.get(2));

        Merchant other = TestMerchants.create(tenants, stores, "Audit delete");
        List<UUID> otherIds = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            otherIds.add(AuditActor.system("test")
                    .callAs(() -> audit.recordFor(other.tenant(), AuditEvent.of("test.delete"))));
        }
        try (Connection c = ownerConnection()) {
            execute(c, "delete from audit_entry where id = '" + otherIds.get(1) + "'");
        }
        ChainStatus deleted = audit.verify(other.tenant());
        assertThat(deleted.intact()).isFalse();
        assertThat(deleted.firstBadEntryId()).isEqualTo(otherIds.get(2));
    }

    @Test
    void oneVerificationListsEveryProblemOfTheChain() throws SQLException {
        Merchant merchant = TestMerchants.create(tenants, stores, "Audit many");
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(AuditActor.system("test")
                    .callAs(() -> audit.recordFor(
                            merchant.tenant(), AuditEvent.of("test.many").change("amount", 1, 2))));
        }
        try (Connection c = ownerConnection()) {
            execute(c, "update audit_entry set changes = replace(changes, '2', '9') where id = '" + ids.get(1) + "'");
            execute(c, "delete from audit_entry where id = '" + ids.get(4) + "'");
            execute(c, "update audit_entry set action = 'test.rewritten' where id = '" + ids.get(6) + "'");
        }
        ChainStatus status = audit.verify(merchant.tenant());
        assertThat(status.intact()).isFalse();
        assertThat(status.problems())
                .extracting(ChainStatus.ChainProblem::kind, ChainStatus.ChainProblem::entryId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ChainStatus.Kind.EDITED, ids.get(1)),
                        org.assertj.core.groups.Tuple.tuple(ChainStatus.Kind.DELETED, ids.get(5)),
                        org.assertj.core.groups.Tuple.tuple(ChainStatus.Kind.EDITED, ids.get(6)));
        assertThat(status.firstBadEntryId()).isEqualTo(ids.get(1));

        try (Connection c = ownerConnection()) {
            execute(c, "delete from audit_entry where id = '" + ids.get(7) + "'");
        }
        assertThat(audit.verify(merchant.tenant()).problems())
                .extracting(ChainStatus.ChainProblem::kind)
                .contains(ChainStatus.Kind.TRUNCATED_TAIL);
    }

    @Test
    void onlySupportOrTheTenantsOwnAdminVerifies() {
        Merchant merchant = TestMerchants.create(tenants, stores, "Audit verify roles");
        Merchant other = TestMerchants.create(tenants, stores, "Audit verify other");
        assertThat(id.lapak.testing.TestUsers.as(merchant.admin(), () -> audit.verify(merchant.tenant()))
                        .intact())
                .isTrue();
        assertThatThrownBy(() -> id.lapak.testing.TestUsers.as(merchant.admin(), () -> audit.verify(other.tenant())))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> id.lapak.testing.TestUsers.as(merchant.admin(), () -> audit.verifyAll()))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        var cashier = id.lapak.testing.TestUsers.user(
                merchant.tenant(), java.util.Set.of(), id.lapak.tenant.access.Role.CASHIER);
        assertThatThrownBy(() -> id.lapak.testing.TestUsers.as(cashier, () -> audit.verify(merchant.tenant())))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        var support = id.lapak.testing.TestUsers.user(null, java.util.Set.of(), id.lapak.tenant.access.Role.SUPPORT);
        assertThat(id.lapak.testing.TestUsers.as(support, () -> audit.verifyAll()))
                .isNotEmpty();
    }

    @Test
    void secretsNeverReachTheLog() {
        AuditEvent event = AuditEvent.of("user.changed")
                .change("password", "old", "new")
                .detail("apiToken", "abc")
                .change("name", "A", "B");
        assertThat(event.changes().get("password").after()).isEqualTo("[redacted]");
        assertThat(event.details().get("apiToken")).isEqualTo("[redacted]");
        assertThat(event.changes().get("name").after()).isEqualTo("B");
    }

    private Connection ownerConnection() throws SQLException {
        Connection c = DriverManager.getConnection(url, "lapak_owner", "lapak_owner");
        execute(c, "set app.platform = 'on'");
        return c;
    }

    private void setTenant(Connection c, UUID tenant) throws SQLException {
        seal.apply(c, tenant);
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}

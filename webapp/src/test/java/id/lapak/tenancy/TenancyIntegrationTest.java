package id.lapak.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapak.tenant.NewTenant;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.context.NoTenantException;
import id.lapak.tenant.context.TenantContext;
import id.lapak.tenant.context.TenantSeal;
import id.lapak.tenant.store.StoreDetails;
import id.lapak.tenant.store.StoreForm;
import id.lapak.tenant.store.StoreNotFoundException;
import id.lapak.tenant.store.StoreService;
import id.lapak.testing.IntegrationTest;
import id.lapak.testing.TestUsers;
import id.lapak.testing.TestUsers.TestUser;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Tenant A cannot read or write tenant B's stores: not through the service, a crafted id, or raw SQL. */
@IntegrationTest
class TenancyIntegrationTest {

    @Autowired
    TenantSeal seal;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    StoreService stores;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Value("${spring.datasource.url}")
    String url;

    UUID tenantA;
    UUID tenantB;
    TestUser adminA;
    TestUser adminB;
    StoreDetails storeA;
    StoreDetails storeB;

    @BeforeEach
    void twoTenantsWithOneStoreEach() {
        tenantA = tenant("Alpha");
        tenantB = tenant("Beta");
        adminA = TestUsers.user(tenantA, Set.of(), Role.MERCHANT_ADMIN);
        adminB = TestUsers.user(tenantB, Set.of(), Role.MERCHANT_ADMIN);
        storeA = TestUsers.as(adminA, () -> stores.create(form("Alpha Pusat")));
        storeB = TestUsers.as(adminB, () -> stores.create(form("Beta Pusat")));
    }

    @Test
    void serviceListsOnlyTheOwnTenantsStores() {
        var seenByA = TestUsers.as(
                adminA, () -> stores.find("", PageRequest.of(0, 50)).getContent());
        assertThat(seenByA).extracting(StoreDetails::id).containsExactly(storeA.id());
        var searchedByB = TestUsers.as(
                adminB, () -> stores.find("pusat", PageRequest.of(0, 50)).getContent());
        assertThat(searchedByB).extracting(StoreDetails::name).containsExactly("Beta Pusat");
    }

    @Test
    void craftedIdOfAnotherTenantsStoreIsNotFoundForReadOrWrite() {
        UUID foreign = storeB.id();
        TestUsers.run(adminA, () -> {
            assertThatThrownBy(() -> stores.get(foreign)).isInstanceOf(StoreNotFoundException.class);
            assertThatThrownBy(() -> stores.update(foreign, storeB.version(), form("Hijacked")))
                    .isInstanceOf(StoreNotFoundException.class);
            assertThatThrownBy(() -> stores.deactivate(foreign)).isInstanceOf(StoreNotFoundException.class);
        });
        StoreDetails untouched = TestUsers.as(adminB, () -> stores.get(foreign));
        assertThat(untouched.name()).isEqualTo("Beta Pusat");
        assertThat(untouched.active()).isTrue();
    }

    @Test
    void sameStoreNameIsAllowedInDifferentTenants() {
        StoreDetails twin = TestUsers.as(adminB, () -> stores.create(form("Alpha Pusat")));
        assertThat(twin.name()).isEqualTo("Alpha Pusat");
    }

    @Test
    void withNoTenantTheServiceRefuses() {
        TestUser tenantless = TestUsers.user(null, Set.of(), Role.MERCHANT_ADMIN);
        TestUsers.run(tenantless, () -> {
            assertThatThrownBy(() -> stores.find("", PageRequest.of(0, 10))).isInstanceOf(NoTenantException.class);
            assertThatThrownBy(() -> stores.create(form("Nowhere"))).isInstanceOf(NoTenantException.class);
            assertThatThrownBy(() -> stores.get(storeA.id())).isInstanceOf(NoTenantException.class);
        });
        assertThatThrownBy(TenantContext::requireTenant).isInstanceOf(NoTenantException.class);
    }

    @Test
    void asTheApplicationRoleWithNoTenantSetEveryTenantTableReadsEmpty() throws SQLException {
        try (Connection c = appConnection();
                Statement s = c.createStatement()) {
            assertThat(count(s, "select count(*) from store")).isZero();
            assertThat(count(s, "select count(*) from tenant")).isZero();
        }
    }

    @Test
    void asTheApplicationRoleRowLevelSecurityShowsAndWritesOnlyTheTenantOfTheTransaction() throws SQLException {
        try (Connection c = appConnection()) {
            c.setAutoCommit(false);
            setTenant(c, tenantA);
            try (Statement s = c.createStatement()) {
                assertThat(count(s, "select count(*) from store where tenant_id = '" + tenantB + "'"))
                        .isZero();
                assertThat(count(s, "select count(*) from store where id = '" + storeA.id() + "'"))
                        .isOne();
                assertThat(s.executeUpdate("update store set name = 'Hijacked' where id = '" + storeB.id() + "'"))
                        .isZero();
            }
            assertThatThrownBy(() -> {
                        try (Statement s = c.createStatement()) {
                            s.executeUpdate(
                                    "insert into store (tenant_id, id, name, address, city, time_zone, currency, "
                                            + "tax_registered, tax_rate, prices_include_tax, active, created_at, updated_at) values ('"
                                            + tenantB
                                            + "', gen_random_uuid(), 'Planted', 'x', 'x', 'UTC', 'IDR', false, 0, true, true, now(), now())");
                        }
                    })
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("row-level security");
            c.rollback();

            // The setting is local to the transaction: the next one on the same connection sees nothing again.
            try (Statement s = c.createStatement()) {
                assertThat(count(s, "select count(*) from store")).isZero();
            }
            c.rollback();
        }
    }

    @Test
    void theApplicationRoleOwnsNothingAndCannotBypassRowLevelSecurity() throws SQLException {
        try (Connection c = appConnection();
                Statement s = c.createStatement()) {
            try (ResultSet rs =
                    s.executeQuery("select rolbypassrls, rolsuper from pg_roles where rolname = current_user")) {
                rs.next();
                assertThat(rs.getBoolean(1)).isFalse();
                assertThat(rs.getBoolean(2)).isFalse();
            }
            assertThat(count(s, "select count(*) from pg_tables where tableowner = current_user"))
                    .isZero();
            assertThat(count(
                            s,
                            "select count(*) from pg_class where relname in ('tenant', 'store') "
                                    + "and relrowsecurity and relforcerowsecurity"))
                    .isEqualTo(2);
            assertThatThrownBy(() -> s.execute("alter table store disable row level security"))
                    .isInstanceOf(SQLException.class);
        }
    }

    @Test
    void pooledConnectionsDoNotCarryATenantIntoTheNextTransaction() {
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        // Use every pooled connection as tenant A, then read with no tenant: nothing may show.
        for (int i = 0; i < 12; i++) {
            TenantContext.runAs(
                    tenantA,
                    () -> tx.executeWithoutResult(s -> assertThat(jdbc.sql("select count(*) from store")
                                    .query(Long.class)
                                    .single())
                            .isOne()));
        }
        for (int i = 0; i < 12; i++) {
            Long visible = tx.execute(s ->
                    jdbc.sql("select count(*) from store").query(Long.class).single());
            assertThat(visible).isZero();
        }
    }

    @Test
    void theEmbeddedDatabaseCommitsDurably() {
        assertThat(jdbc.sql("show synchronous_commit").query(String.class).single())
                .isEqualTo("on");
        assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
    }

    private Connection appConnection() throws SQLException {
        return DriverManager.getConnection(url, "lapak_app", "lapak_app");
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

    private UUID tenant(String name) {
        UUID id = UUID.randomUUID();
        tenants.createIfMissing(new NewTenant(id, name + " " + id, "PT " + name, "ID", null, null), "test setup");
        return id;
    }

    static StoreForm form(String name) {
        return new StoreForm(
                name,
                "Jl. Test 1",
                "Jakarta",
                ZoneId.of("Asia/Jakarta"),
                Currency.getInstance("IDR"),
                true,
                new BigDecimal("11.00"),
                true);
    }
}

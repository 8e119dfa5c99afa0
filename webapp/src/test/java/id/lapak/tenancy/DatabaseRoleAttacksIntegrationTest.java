package id.lapak.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapak.tenant.NewTenant;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.tenant.context.TenantContext;
import id.lapak.tenant.context.TenantSeal;
import id.lapak.tenant.store.StoreDetails;
import id.lapak.tenant.store.StoreService;
import id.lapak.testing.IntegrationTest;
import id.lapak.testing.TestUsers;
import id.lapak.testing.TestUsers.TestUser;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SQL injected anywhere runs as the application's role with whatever settings it chooses: none of them shows or
 * changes a row of another tenant, and no owner-rights function does it for the role. Platform work still sees
 * every tenant through its own role and pool. Threat model: docs/decisions/0031-database-roles-and-tenant-context.md.
 */
@IntegrationTest
class DatabaseRoleAttacksIntegrationTest {

    @Autowired
    TenantDirectory tenants;

    @Autowired
    StoreService stores;

    @Autowired
    TenantSeal seal;

    @Autowired
    PlatformAccess platform;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Value("${spring.datasource.url}")
    String url;

    UUID attacker;
    UUID victim;
    StoreDetails victimStore;

    @BeforeEach
    void anAttackerAndAVictim() {
        attacker = tenant("Attacker");
        victim = tenant("Victim");
        TestUser attackerAdmin = TestUsers.user(attacker, Set.of(), Role.MERCHANT_ADMIN);
        TestUser victimAdmin = TestUsers.user(victim, Set.of(), Role.MERCHANT_ADMIN);
        TestUsers.run(attackerAdmin, () -> stores.create(TenancyIntegrationTest.form("Attacker Pusat")));
        victimStore = TestUsers.as(victimAdmin, () -> stores.create(TenancyIntegrationTest.form("Victim Pusat")));
    }

    @Test
    void thePlatformSettingGivesTheApplicationRoleNothing() throws SQLException {
        try (Connection c = appConnection()) {
            c.setAutoCommit(false);
            seal.apply(c, attacker);
            execute(c, "select set_config('app.platform', 'on', true)");
            assertSeesOnlyItself(c);
            assertCannotWriteTheVictimsStore(c);
            c.rollback();

            execute(c, "set app.platform = 'on'");
            execute(c, "set app.tenant_id = '" + victim + "'");
            assertSeesNothingOfTheVictim(c);
            assertCannotWriteTheVictimsStore(c);
            c.rollback();
        }
    }

    @Test
    void anotherTenantsIdWithoutItsSealShowsNothing() throws SQLException {
        try (Connection c = appConnection()) {
            c.setAutoCommit(false);
            // The attacker's own, valid seal next to the victim's id.
            seal.apply(c, attacker);
            String ownSeal = setting(c, "app.tenant_seal");
            execute(c, "select set_config('app.tenant_id', '" + victim + "', true)");
            assertSeesNothingOfTheVictim(c);
            assertCannotWriteTheVictimsStore(c);
            c.rollback();

            // Forged seals: zeros, empty, the attacker's own, in upper case.
            for (String forged : List.of(HexFormat.of().formatHex(new byte[32]), "", ownSeal, ownSeal.toUpperCase())) {
                execute(
                        c,
                        "select set_config('app.tenant_id', '" + victim + "', true), "
                                + "set_config('app.tenant_seal', '" + forged
                                + "', true), set_config('app.platform', 'on', true)");
                assertSeesNothingOfTheVictim(c);
                assertCannotWriteTheVictimsStore(c);
                c.rollback();
            }
        }
    }

    @Test
    void aSealSeenInTheVictimsTransactionIsWorthlessInAnyOther() throws SQLException {
        String captured;
        String capturedNonce;
        try (Connection victimsConnection = appConnection()) {
            victimsConnection.setAutoCommit(false);
            seal.apply(victimsConnection, victim);
            captured = setting(victimsConnection, "app.tenant_seal");
            capturedNonce = query(victimsConnection, "select app_transaction_nonce()");
            assertThat(count(victimsConnection, "store", victim)).isOne();

            // Replayed on another connection, while the victim's transaction is still open.
            try (Connection c = appConnection()) {
                c.setAutoCommit(false);
                replay(c, captured);
                assertSeesNothingOfTheVictim(c);
                c.rollback();
            }
            // Kept for the session (is_local false) and replayed on the same connection after the commit.
            execute(
                    victimsConnection,
                    "select set_config('app.tenant_id', '" + victim + "', false), " + "set_config('app.tenant_seal', '"
                            + captured + "', false)");
            victimsConnection.commit();
            assertThat(query(victimsConnection, "select app_transaction_nonce()"))
                    .isNotEqualTo(capturedNonce);
            assertSeesNothingOfTheVictim(victimsConnection);
            replay(victimsConnection, captured);
            assertSeesNothingOfTheVictim(victimsConnection);
            victimsConnection.rollback();
        }
    }

    @Test
    void ownerRightsFunctionsAndTheKeyAreOutOfTheApplicationRolesReach() throws SQLException {
        try (Connection c = appConnection()) {
            c.setAutoCommit(false);
            seal.apply(c, attacker);
            execute(c, "select set_config('app.platform', 'on', true)");
            assertThatThrownBy(() -> query(c, "select count(*) from app_offboard_tenant('" + victim + "')"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            c.rollback();
            seal.apply(c, attacker);
            assertThatThrownBy(() -> query(c, "select count(*) from tenant_context_key"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            c.rollback();
            // The audit head function runs with owner rights, but under the caller's sealed tenant.
            seal.apply(c, attacker);
            execute(c, "select set_config('app.platform', 'on', true)");
            assertThatThrownBy(() -> execute(c, "select app_audit_advance_head('" + victim + "', 1, '\\x00')"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("cannot move");
            c.rollback();
            assertThatThrownBy(() -> execute(c, "set role lapak_platform"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            c.rollback();
            // A temporary table would stand in for the real one for whoever uses this pooled connection next, and a
            // temporary catalog table for the checks' own lookups.
            for (String shadow : List.of("store", "pg_roles", "pg_namespace")) {
                assertThatThrownBy(() -> execute(c, "create temporary table " + shadow + " (oid oid, rolname name)"))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("permission denied");
                c.rollback();
            }
        }
        assertThat(platform.call(
                        "test: the victim is still there",
                        () -> jdbc.sql("select count(*) from store where tenant_id = ?")
                                .param(victim)
                                .query(Long.class)
                                .single()))
                .isOne();
    }

    @Test
    void theApplicationRoleMayCallOnlyTheOwnerRightsFunctionsItNeeds() {
        List<String> callable = platform.call(
                "test: functions the application role may call",
                () -> jdbc.sql("""
                        select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                        where n.nspname = current_schema() and p.prosecdef
                          and has_function_privilege('lapak_app', p.oid, 'execute')
                        order by 1""").query(String.class).list());
        // app_current_tenant only checks the seal; app_audit_advance_head moves a chain only onto the entry just
        // written, under the caller's tenant. Anything else with owner rights is for the platform role.
        assertThat(callable).containsExactly("app_audit_advance_head", "app_current_tenant");
        assertThat(platform.call(
                        "test: role membership",
                        () -> jdbc.sql("select pg_has_role('lapak_app', 'lapak_platform', 'member')")
                                .query(Boolean.class)
                                .single()))
                .isFalse();
    }

    @Test
    void everyPolicyChecksTheTenantOncePerStatement() throws SQLException {
        List<String> perRow = platform.call(
                "test: policies", () -> jdbc.sql("""
                        select tablename || '.' || policyname from pg_policies
                        where schemaname = current_schema()
                          and regexp_replace(coalesce(qual, '') || coalesce(with_check, ''),
                                             'SELECT app_(current_tenant|platform_access)\\(\\)', '', 'g')
                              ~ 'app_(current_tenant|platform_access)\\(\\)'""").query(String.class).list());
        assertThat(perRow).as("policies calling the tenant check per row").isEmpty();
        try (Connection c = appConnection()) {
            c.setAutoCommit(false);
            seal.apply(c, attacker);
            List<String> plan = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("explain select * from store")) {
                while (rs.next()) {
                    plan.add(rs.getString(1));
                }
            }
            assertThat(String.join("\n", plan)).contains("InitPlan");
            c.rollback();
        }
    }

    @Test
    void platformWorkRunsAsThePlatformRoleAndSeesEveryTenant() {
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        assertThat(platform.call(
                        "test: platform role",
                        () -> jdbc.sql("select current_user")
                                .query(String.class)
                                .single()))
                .isEqualTo("lapak_platform");
        assertThat(platform.call(
                        "test: every tenant",
                        () -> jdbc.sql("select count(distinct tenant_id) from store where tenant_id in (?, ?)")
                                .param(attacker)
                                .param(victim)
                                .query(Long.class)
                                .single()))
                .isEqualTo(2);
        String asTenant = TenantContext.callAs(
                attacker,
                () -> tx.execute(s -> jdbc.sql("select current_user || ' ' || app_current_tenant()")
                        .query(String.class)
                        .single()));
        assertThat(asTenant).isEqualTo("lapak_app " + attacker);
        Long victimsStores = TenantContext.callAs(
                attacker,
                () -> tx.execute(s -> jdbc.sql("select count(*) from store where tenant_id = ?")
                        .param(victim)
                        .query(Long.class)
                        .single()));
        assertThat(victimsStores).isZero();
    }

    private void assertSeesOnlyItself(Connection c) throws SQLException {
        for (String table : tenantTables()) {
            assertThat(countOthers(c, table, attacker)).as(table).isZero();
        }
        assertThat(count(c, "store", attacker)).isOne();
    }

    private void assertSeesNothingOfTheVictim(Connection c) throws SQLException {
        for (String table : tenantTables()) {
            assertThat(count(c, table, victim)).as(table).isZero();
        }
        assertThat(query(c, "select count(*) from customer"))
                .as("customers of any tenant")
                .isEqualTo("0");
        assertThat(query(c, "select coalesce(app_current_tenant()::text, 'none')"))
                .isEqualTo("none");
    }

    private void assertCannotWriteTheVictimsStore(Connection c) throws SQLException {
        execute(c, "savepoint attempt");
        try (Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("update store set name = 'Hijacked' where id = '" + victimStore.id() + "'"))
                    .isZero();
        }
        assertThatThrownBy(
                        () -> execute(
                                c,
                                "insert into store (tenant_id, id, name, address, city, time_zone, "
                                        + "currency, tax_registered, tax_rate, prices_include_tax, active, created_at, updated_at) values ('"
                                        + victim
                                        + "', gen_random_uuid(), 'Planted', 'x', 'x', 'UTC', 'IDR', false, 0, true, true, now(), now())"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("row-level security");
        execute(c, "rollback to savepoint attempt");
        String name = platform.call(
                "test: the victim's store",
                () -> jdbc.sql("select name from store where id = ?")
                        .param(victimStore.id())
                        .query(String.class)
                        .single());
        assertThat(name).isEqualTo("Victim Pusat");
    }

    private void replay(Connection c, String capturedSeal) throws SQLException {
        execute(
                c,
                "select set_config('app.tenant_id', '" + victim + "', true), " + "set_config('app.tenant_seal', '"
                        + capturedSeal + "', true)");
    }

    /** Every table with a tenant_id column, found through the catalog so tables added later are attacked too. */
    private List<String> tenantTables() {
        return platform.call(
                "test: tenant tables", () -> jdbc.sql("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
                where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition
                order by 1""").query(String.class).list());
    }

    private static long count(Connection c, String table, UUID tenant) throws SQLException {
        return Long.parseLong(query(c, "select count(*) from " + table + " where tenant_id = '" + tenant + "'"));
    }

    private static long countOthers(Connection c, String table, UUID tenant) throws SQLException {
        return Long.parseLong(
                query(c, "select count(*) from " + table + " where tenant_id is distinct from '" + tenant + "'"));
    }

    private static String setting(Connection c, String name) throws SQLException {
        return query(c, "select current_setting('" + name + "')");
    }

    private static String query(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.execute();
        }
    }

    private Connection appConnection() throws SQLException {
        return DriverManager.getConnection(url, "lapak_app", "lapak_app");
    }

    private UUID tenant(String name) {
        UUID id = UUID.randomUUID();
        tenants.createIfMissing(new NewTenant(id, name + " " + id, "PT " + name, "ID", null, null), "test setup");
        return id;
    }
}

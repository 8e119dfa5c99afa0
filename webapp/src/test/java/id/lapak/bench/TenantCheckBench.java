package id.lapak.bench;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.tenant.NewTenant;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.context.TenantSeal;
import id.lapak.tenant.store.StoreDetails;
import id.lapak.tenant.store.StoreForm;
import id.lapak.tenant.store.StoreService;
import id.lapak.testing.IntegrationTest;
import id.lapak.testing.TestUsers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * What row-level security's checks cost in PostgreSQL (decision 0031), server time only, as the application's role
 * in a sealed transaction: the sealed tenant check, the platform check, the plain setting read the tenant check
 * used to be, and a primary-key read of one store through the policy (both checks once, as init-plans) beside the
 * same read by the owner with row security off for it. Run by bench/tenant-checks.sh; see bench/README.md.
 */
@IntegrationTest
class TenantCheckBench {

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 50_000);

    @Autowired
    TenantDirectory tenants;

    @Autowired
    StoreService stores;

    @Autowired
    TenantSeal seal;

    @Value("${spring.datasource.url}")
    String url;

    @Value("${spring.flyway.user}")
    String owner;

    @Value("${spring.flyway.password}")
    String ownerPassword;

    @Test
    void theChecksCostMicrosecondsPerStatement() throws SQLException {
        UUID tenant = UUID.randomUUID();
        tenants.createIfMissing(new NewTenant(tenant, "Bench " + tenant, "PT Bench", "ID", null, null), "bench setup");
        StoreDetails store = TestUsers.as(
                TestUsers.user(tenant, Set.of(), Role.MERCHANT_ADMIN),
                () -> stores.create(new StoreForm(
                        "Bench Pusat",
                        "Jl. Bench 1",
                        "Jakarta",
                        java.time.ZoneId.of("Asia/Jakarta"),
                        java.util.Currency.getInstance("IDR"),
                        true,
                        new java.math.BigDecimal("11.00"),
                        true)));
        String read = "perform 1 from store where tenant_id = '" + tenant + "' and id = '" + store.id() + "'";
        try (Connection c = DriverManager.getConnection(url, "lapak_app", "lapak_app")) {
            c.setAutoCommit(false);
            seal.apply(c, tenant);
            assertThat(query(c, "select app_current_tenant()::text")).isEqualTo(tenant.toString());
            for (int warm = 0; warm < 2; warm++) {
                report(c, "sealed tenant check, app_current_tenant()", "perform app_current_tenant()", warm);
                report(c, "platform check, app_platform_access()", "perform app_platform_access()", warm);
                report(
                        c,
                        "the setting alone (the check before decision 0031)",
                        "perform nullif(current_setting('app.tenant_id', true), '')::uuid",
                        warm);
                report(c, "store by primary key through the policy", read, warm);
            }
            c.rollback();
        }
        try (Connection c = DriverManager.getConnection(url, owner, ownerPassword)) {
            c.setAutoCommit(false);
            execute(c, "alter table store no force row level security");
            try {
                for (int warm = 0; warm < 2; warm++) {
                    report(c, "store by primary key, no row security (owner)", read, warm);
                }
            } finally {
                c.rollback();
            }
        }
    }

    private void report(Connection c, String what, String statement, int warm) throws SQLException {
        execute(c, """
                do $$
                declare started timestamptz := clock_timestamp();
                begin
                    for i in 1..%d loop
                        %s;
                    end loop;
                    perform set_config('bench.micros', ((extract(epoch from clock_timestamp() - started) * 1000000)
                        / %d)::numeric(10, 2)::text, true);
                end $$""".formatted(ROUNDS, statement, ROUNDS));
        if (warm == 1) {
            System.out.printf("BENCH %-55s %8s µs%n", what, query(c, "select current_setting('bench.micros')"));
        }
    }

    private static String query(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.execute();
        }
    }
}

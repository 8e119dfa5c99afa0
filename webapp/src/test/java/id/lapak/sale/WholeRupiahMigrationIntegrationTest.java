package id.lapak.sale;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.testing.IntegrationTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * V2026.12.02.10/.11 on a database the old code filled: a fresh database is migrated to the version before them,
 * rows are written as the old payment path wrote them (IDR in hundredths, ISO 4217's exponent 2), then the rest is
 * migrated and every amount must read in whole rupiah, non-multiples of 100 rounded half-up, other currencies
 * untouched.
 */
@IntegrationTest
class WholeRupiahMigrationIntegrationTest {

    private static final MigrationVersion WHOLE_RUPIAH = MigrationVersion.fromVersion("2026.12.02.10");

    @Autowired
    Environment environment;

    String database;
    String superUrl;
    String url;
    String owner;
    String ownerPassword;

    @BeforeEach
    void freshDatabase() throws SQLException {
        String flywayUrl = environment.getRequiredProperty("spring.flyway.url");
        owner = environment.getRequiredProperty("spring.flyway.user");
        ownerPassword = environment.getRequiredProperty("spring.flyway.password");
        database = "lapak_whole_rupiah_" + Long.toHexString(System.nanoTime());
        String server = flywayUrl.substring(0, flywayUrl.lastIndexOf('/') + 1);
        superUrl = server + "postgres";
        url = server + database;
        try (Connection c = DriverManager.getConnection(superUrl, "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("create database " + database + " owner " + owner);
        }
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("alter schema public owner to " + owner);
        }
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(superUrl, "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
        }
    }

    private Flyway flyway(MigrationVersion target) {
        return Flyway.configure()
                .dataSource(url, owner, ownerPassword)
                .locations(environment
                        .getRequiredProperty("spring.flyway.locations")
                        .split(","))
                .placeholders(Map.of(
                        "app_role",
                        environment.getProperty("spring.flyway.placeholders.app_role", "lapak_app"),
                        "platform_role",
                        environment.getProperty("spring.flyway.placeholders.platform_role", "lapak_platform"),
                        "schema",
                        "public"))
                .target(target)
                .load();
    }

    @Test
    void hundredthsBecomeWholeRupiahRoundedHalfUpAndOtherCurrenciesStay() throws SQLException {
        MigrationVersion before = java.util.Arrays.stream(
                        flyway(MigrationVersion.LATEST).info().all())
                .map(MigrationInfo::getVersion)
                .filter(v -> v != null && v.compareTo(WHOLE_RUPIAH) < 0)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        flyway(before).migrate();

        UUID tenant = UUID.randomUUID();
        UUID store = UUID.randomUUID();
        UUID device = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        UUID coffee = UUID.randomUUID();
        UUID tiny = UUID.randomUUID();
        UUID dollars = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(url, owner, ownerPassword)) {
            c.setAutoCommit(false);
            exec(c, "select set_config('app.platform', 'on', true)");
            exec(
                    c,
                    "insert into tenant (id, name, legal_name, country, currency, time_zone, status, created_at) "
                            + "values (?, 'Lama', 'PT Lama', 'ID', 'IDR', 'Asia/Jakarta', 'ACTIVE', now())",
                    tenant);
            exec(
                    c,
                    "insert into store (tenant_id, id, name, address, city, time_zone, currency, tax_registered, "
                            + "tax_rate, prices_include_tax, active, created_at, updated_at) values (?, ?, 'Pusat', "
                            + "'Jl. Lama 1', 'Jakarta', 'Asia/Jakarta', 'IDR', false, 0, true, true, now(), now())",
                    tenant,
                    store);
            exec(
                    c,
                    "insert into device (tenant_id, id, store_id, name, status, public_key, paired_at, "
                            + "config_changed_at) values (?, ?, ?, 'Kasir', 'ACTIVE', '\\x00'::bytea, now(), now())",
                    tenant,
                    device,
                    store);
            exec(
                    c,
                    "insert into customer (tenant_id, id, name, status, created_at, updated_at) "
                            + "values (?, ?, 'Sari', 'ACTIVE', now(), now())",
                    tenant,
                    customer);
            // Rp 30.000 as the old payment path stored it, with Rp 10.000,50 refunded.
            sale(c, tenant, coffee, store, device, "IDR", "PARTIALLY_REFUNDED", 3_000_000, 3_000_000, 1_000_050);
            exec(
                    c,
                    "insert into sale_line (tenant_id, sale_id, line_no, variant_id, description, quantity, "
                            + "unit_price_minor, tax_minor, total_minor) values (?, ?, 1, ?, 'Kopi', 2, 1500000, 297349, "
                            + "3000000)",
                    tenant,
                    coffee,
                    UUID.randomUUID());
            operation(c, tenant, coffee, "AUTHORIZE", 3_000_000);
            operation(c, tenant, coffee, "REFUND", 1_000_050);
            // Rp 0,49: a positive sale amount stays positive.
            sale(c, tenant, tiny, store, device, "IDR", "DECLINED", 49, 0, 0);
            // A dollar sale keeps ISO's cents.
            sale(c, tenant, dollars, store, device, "USD", "CAPTURED", 1_250, 1_250, 0);
            exec(
                    c,
                    "insert into customer_purchase (tenant_id, id, kind, sale_id, customer_id, store_id, currency, "
                            + "amount_minor, item_count, occurred_at) values (?, ?, 'SALE', ?, ?, ?, 'IDR', 3000000, 2, now()),"
                            + " (?, ?, 'REFUND', ?, ?, ?, 'IDR', -1000050, 0, now())",
                    tenant,
                    UUID.randomUUID(),
                    coffee,
                    customer,
                    store,
                    tenant,
                    UUID.randomUUID(),
                    coffee,
                    customer,
                    store);
            exec(
                    c,
                    "insert into sandbox_journal (occurred_at, operation, request_id, amount_minor, approved_minor, "
                            + "currency, success, response_code) values (now(), 'AUTHORIZE', ?, 3000000, 3000000, 'IDR', true, "
                            + "'00'), (now(), 'AUTHORIZE', ?, 1250, 1250, 'USD', true, '00')",
                    coffee.toString(),
                    dollars.toString());
            c.commit();
        }

        flyway(MigrationVersion.LATEST).migrate();

        try (Connection c = DriverManager.getConnection(url, owner, ownerPassword)) {
            c.setAutoCommit(false);
            exec(c, "select set_config('app.platform', 'on', true)");
            assertThat(row(
                            c,
                            "select amount_minor, authorized_minor, captured_minor, refunded_minor from sale "
                                    + "where id = ?",
                            coffee))
                    .isEqualTo("30000 30000 30000 10001");
            assertThat(row(c, "select amount_minor, authorized_minor from sale where id = ?", tiny))
                    .isEqualTo("1 0");
            assertThat(row(c, "select amount_minor, captured_minor from sale where id = ?", dollars))
                    .isEqualTo("1250 1250");
            assertThat(row(
                            c,
                            "select unit_price_minor, tax_minor, total_minor from sale_line where sale_id = ?",
                            coffee))
                    .isEqualTo("15000 2973 30000");
            assertThat(row(
                            c,
                            "select string_agg(amount_minor::text, ' ' order by amount_minor) "
                                    + "from payment_operation where sale_id = ?",
                            coffee))
                    .isEqualTo("10001 30000");
            assertThat(row(
                            c,
                            "select string_agg(amount_minor::text, ' ' order by amount_minor) "
                                    + "from customer_purchase where sale_id = ?",
                            coffee))
                    .isEqualTo("-10001 30000");
            assertThat(row(
                            c,
                            "select amount_minor, approved_minor from sandbox_journal where request_id = ?",
                            coffee.toString()))
                    .isEqualTo("30000 30000");
            assertThat(row(
                            c,
                            "select amount_minor, approved_minor from sandbox_journal where request_id = ?",
                            dollars.toString()))
                    .isEqualTo("1250 1250");
            c.rollback();
        }
    }

    private static void sale(
            Connection c,
            UUID tenant,
            UUID id,
            UUID store,
            UUID device,
            String currency,
            String status,
            long amount,
            long authorized,
            long refunded)
            throws SQLException {
        exec(
                c,
                "insert into sale (tenant_id, id, store_id, device_id, idempotency_key, request_hash, status, "
                        + "currency, amount_minor, entry_mode, offline, device_time, received_at, sold_at, authorized_minor, "
                        + "captured_minor, refunded_minor) values (?, ?, ?, ?, ?, '\\x00'::bytea, ?, ?, ?, 'CHIP', false, "
                        + "now(), now(), now(), ?, ?, ?)",
                tenant,
                id,
                store,
                device,
                id.toString(),
                status,
                currency,
                amount,
                authorized,
                authorized,
                refunded);
    }

    private static void operation(Connection c, UUID tenant, UUID sale, String kind, long amount) throws SQLException {
        exec(
                c,
                "insert into payment_operation (tenant_id, id, sale_id, kind, status, amount_minor, actor, "
                        + "created_at) values (?, ?, ?, ?, 'SUCCEEDED', ?, 'device Kasir', now())",
                tenant,
                UUID.randomUUID(),
                sale,
                kind,
                amount);
    }

    private static void exec(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.execute();
        }
    }

    private static String row(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as(sql).isTrue();
                StringBuilder text = new StringBuilder();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    text.append(i > 1 ? " " : "").append(rs.getString(i));
                }
                return text.toString();
            }
        }
    }
}

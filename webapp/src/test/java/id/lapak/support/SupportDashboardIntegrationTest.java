package id.lapak.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapak.settlement.SettlementFixture;
import id.lapak.support.SupportDashboard.DeclineCode;
import id.lapak.support.SupportDashboard.Figures;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.testing.IntegrationTest;
import id.lapak.testing.TestUsers;
import id.lapak.testing.TestUsers.TestUser;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * The support dashboard counts, across every tenant and over the last 24 hours only, tenants with a sale, devices
 * online, payments, the approval rate and the decline codes; only support may read it, and each reading is audited.
 */
@IntegrationTest
class SupportDashboardIntegrationTest {

    @Autowired
    SupportDashboard dashboard;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    PlatformAccess platform;

    @Autowired
    JdbcClient jdbc;

    final TestUser support = TestUsers.user(null, Set.of(), Role.SUPPORT);

    private void declined(UUID tenant, UUID store, String code, String reason, Instant at) {
        UUID sale = UUID.randomUUID();
        platform.run(
                "test setup: declined sale",
                () -> jdbc.sql("""
                        insert into sale (tenant_id, id, store_id, device_id, idempotency_key, request_hash, status,
                            currency, amount_minor, entry_mode, offline, device_time, received_at, sold_at, decided_at,
                            card_brand, response_code, decline_reason)
                        values (?, ?, ?, ?, ?, '\\x00'::bytea, 'DECLINED', 'IDR', 25000, 'CONTACTLESS', false, ?, ?, ?,
                                ?, 'VISA', ?, ?)""")
                        .params(
                                tenant,
                                sale,
                                store,
                                SettlementFixture.device(store),
                                sale.toString(),
                                Timestamp.from(at),
                                Timestamp.from(at),
                                Timestamp.from(at),
                                Timestamp.from(at),
                                code,
                                reason)
                        .update());
    }

    private long count(Figures figures, String code) {
        return figures.declineCodes().stream()
                .filter(d -> d.code().equals(code))
                .mapToLong(DeclineCode::count)
                .sum();
    }

    @Test
    void countsThePlatformsLast24Hours() {
        Figures before = TestUsers.as(support, dashboard::last24Hours);

        SettlementFixture fixture = new SettlementFixture(tenants, platform, jdbc);
        UUID tenant = fixture.tenant("Dasbor");
        UUID one = fixture.store(tenant, "Satu", "Asia/Jakarta");
        UUID two = fixture.store(tenant, "Dua", "Asia/Makassar");
        UUID quiet = fixture.tenant("Sepi");
        UUID quietStore = fixture.store(quiet, "Sepi", "Asia/Jakarta");
        Instant now = Instant.now();
        platform.run("test setup: heartbeats", () -> {
            jdbc.sql("update device set last_seen_at = ? where tenant_id = ? and id = ?")
                    .params(Timestamp.from(now.minusSeconds(30)), tenant, SettlementFixture.device(one))
                    .update();
            jdbc.sql("update device set last_seen_at = ? where tenant_id = ? and id = ?")
                    .params(Timestamp.from(now.minus(Duration.ofMinutes(30))), tenant, SettlementFixture.device(two))
                    .update();
        });
        Instant hourAgo = now.minus(Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            fixture.capturedSale(tenant, one, 10_000, hourAgo, hourAgo);
        }
        for (int i = 0; i < 30; i++) {
            declined(tenant, two, "Q7", "Dana tidak cukup", hourAgo);
        }
        declined(tenant, one, "Q7", "Insufficient funds", hourAgo);
        declined(tenant, two, "Q8", "Kartu diblokir", hourAgo);
        declined(quiet, quietStore, "Q7", "Dana tidak cukup", now.minus(Duration.ofHours(25)));
        fixture.capturedSale(
                quiet, quietStore, 5_000, now.minus(Duration.ofHours(25)), now.minus(Duration.ofHours(25)));

        Figures after = TestUsers.as(support, dashboard::last24Hours);
        assertThat(after.tenantsActive() - before.tenantsActive())
                .as("a sale in 24 h; the quiet one sold before")
                .isEqualTo(1);
        assertThat(after.devicesActive() - before.devicesActive()).isEqualTo(3);
        assertThat(after.devicesOnline() - before.devicesOnline())
                .as("heard from within two minutes")
                .isEqualTo(1);
        assertThat(after.payments() - before.payments()).isEqualTo(35);
        assertThat(after.approved() - before.approved()).isEqualTo(3);
        assertThat(after.declined() - before.declined()).isEqualTo(32);
        assertThat(after.paymentsPerMinute()).isEqualTo(after.payments() / 1440.0);
        assertThat(after.hours()).hasSize(24);
        assertThat(after.hours().stream()
                                .mapToLong(SupportDashboard.Hour::payments)
                                .sum()
                        - before.hours().stream()
                                .mapToLong(SupportDashboard.Hour::payments)
                                .sum())
                .isGreaterThanOrEqualTo(35);
        assertThat(count(after, "Q7")).as("declines of 24 h only").isEqualTo(31);
        assertThat(after.declineCodes())
                .filteredOn(d -> d.code().equals("Q7"))
                .singleElement()
                .satisfies(d -> assertThat(d.reason()).isEqualTo("Dana tidak cukup"));
        assertThat(count(after, "Q8")).isEqualTo(1);
        assertThat(after.declineCodes()
                        .indexOf(after.declineCodes().stream()
                                .filter(d -> d.code().equals("Q7"))
                                .findFirst()
                                .orElseThrow()))
                .isLessThan(after.declineCodes()
                        .indexOf(after.declineCodes().stream()
                                .filter(d -> d.code().equals("Q8"))
                                .findFirst()
                                .orElseThrow()));
        assertThat(after.approvalRateBasisPoints()).isNotNull().isBetween(0L, 10_000L);

        long audited = platform.call(
                "test: audit",
                () -> jdbc.sql("""
                        select count(*) from audit_entry where tenant_id is null and action = 'support.dashboard.viewed'
                          and occurred_at >= ?""")
                        .param(Timestamp.from(now.minusSeconds(5)))
                        .query(Long.class)
                        .single());
        assertThat(audited).as("each reading is in the platform's audit chain").isGreaterThanOrEqualTo(1);
    }

    @Test
    void onlySupportReadsIt() {
        SettlementFixture fixture = new SettlementFixture(tenants, platform, jdbc);
        UUID tenant = fixture.tenant("Pedagang");
        TestUser admin = TestUsers.user(tenant, Set.of(), Role.MERCHANT_ADMIN);
        TestUser manager = TestUsers.user(tenant, Set.of(), Role.STORE_MANAGER);
        assertThatThrownBy(() -> TestUsers.as(admin, dashboard::last24Hours)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TestUsers.as(manager, dashboard::last24Hours))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(TestUsers.as(support, dashboard::last24Hours).hours()).hasSize(24);
    }
}

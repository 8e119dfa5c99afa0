package id.lapak.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import id.lapak.reports.ActivityReports.MoneyBack;
import id.lapak.reports.ActivityReports.OfflinePayment;
import id.lapak.settlement.SettlementFixture;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.tenant.money.Money;
import id.lapak.testing.IntegrationTest;
import id.lapak.testing.TestUsers;
import id.lapak.testing.TestUsers.TestUser;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * The list reports: refunds and voids with their reason and who did them, offline payments with their delay and
 * outcome; each in its store's own day and zone, within the person's stores, totals of the money only.
 */
@IntegrationTest
class ActivityReportsIntegrationTest {

    static final ZoneId WITA = ZoneId.of("Asia/Makassar");
    static final ZoneId WIT = ZoneId.of("Asia/Jayapura");

    @Autowired
    TenantDirectory tenants;

    @Autowired
    PlatformAccess platform;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ActivityReports activity;

    @Autowired
    ReportTables tables;

    @Test
    void refundsVoidsAndOfflinePaymentsAreListedInTheirStoresDaysWithinThePersonsStores() {
        SettlementFixture fixture = new SettlementFixture(tenants, platform, jdbc);
        UUID tenant = fixture.tenant("Aktivitas");
        UUID bali = fixture.store(tenant, "Bali", "Asia/Makassar");
        UUID papua = fixture.store(tenant, "Papua", "Asia/Jayapura");
        LocalDate day = LocalDate.now(WITA).minusDays(3);

        UUID sold = fixture.capturedSale(tenant, bali, 25_000, at(day, 10, 0, WITA), at(day, 10, 0, WITA));
        UUID refund = fixture.refund(tenant, sold, 4_000, at(day, 15, 0, WITA));
        platform.run(
                "test setup: refund reason",
                () -> jdbc.sql("update payment_operation set reason = 'Barang rusak', actor = 'Ani Admin' where id = ?")
                        .param(refund)
                        .update());
        fixture.voidedSale(tenant, bali, 12_000, at(day, 11, 0, WITA));
        // 23:30 of the day in Papua is still that day there, and a refund of the day after is not listed.
        UUID papuaSale = fixture.capturedSale(tenant, papua, 50_000, at(day, 9, 0, WIT), at(day, 9, 0, WIT));
        fixture.refund(tenant, papuaSale, 7_000, at(day, 23, 30, WIT));
        fixture.refund(tenant, papuaSale, 1_000, at(day.plusDays(1), 0, 30, WIT));
        // Offline: one sold at 09:00 and uploaded the next day at 10:30, one declined for its offline limit.
        fixture.capturedSale(tenant, bali, 30_000, at(day, 9, 0, WITA), at(day.plusDays(1), 10, 30, WITA));
        UUID declined = fixture.capturedSale(tenant, bali, 900_000, at(day, 20, 0, WITA), at(day, 20, 45, WITA));
        platform.run(
                "test setup: declined offline",
                () -> jdbc.sql("""
                        update sale set status = 'DECLINED', decline_reason = 'offline_limit_exceeded',
                            captured_minor = 0, authorized_minor = 0 where id = ?""").param(declined).update());

        ReportFilter filter = ReportFilter.days(day, day);
        TestUser admin = TestUsers.user(tenant, Set.of(), Role.MERCHANT_ADMIN);
        List<MoneyBack> all = TestUsers.as(admin, () -> activity.refundsAndVoids(filter));
        assertThat(all)
                .extracting(m -> m.storeName().split(" ")[0], MoneyBack::kind, MoneyBack::amountMinor)
                .containsExactly(
                        tuple("Papua", "REFUND", 7_000L),
                        tuple("Bali", "REFUND", 4_000L),
                        tuple("Bali", "VOID", 12_000L));
        MoneyBack damaged = all.get(1);
        assertThat(damaged.reason()).isEqualTo("Barang rusak");
        assertThat(damaged.actor()).isEqualTo("Ani Admin");
        assertThat(damaged.at().atZone(damaged.zone()).getHour()).isEqualTo(15);

        ReportTable table = TestUsers.as(
                admin, () -> tables.build(ReportKind.REFUNDS, filter, Locale.ENGLISH, key -> key, Map.of()));
        assertThat(table.rows()).hasSize(3);
        assertThat(table.totals()).containsSubsequence(Money.of(11_000, "IDR"), Money.of(12_000, "IDR"));

        TestUser manager = TestUsers.user(tenant, Set.of(bali), Role.STORE_MANAGER);
        assertThat(TestUsers.as(manager, () -> activity.refundsAndVoids(filter)))
                .extracting(m -> m.storeName().split(" ")[0])
                .containsOnly("Bali");
        assertThat(TestUsers.as(manager, () -> activity.offlinePayments(ReportFilter.days(day, day))))
                .hasSize(2);
        assertThatThrownBy(() -> TestUsers.as(
                        TestUsers.user(tenant, Set.of(bali), Role.CASHIER), () -> activity.refundsAndVoids(filter)))
                .isInstanceOf(AccessDeniedException.class);

        List<OfflinePayment> offline = TestUsers.as(admin, () -> activity.offlinePayments(filter));
        assertThat(offline).extracting(OfflinePayment::status).containsExactly("DECLINED", "CAPTURED");
        assertThat(Duration.between(offline.get(1).soldAt(), offline.get(1).receivedAt()))
                .isEqualTo(Duration.ofMinutes(25 * 60 + 30));
        ReportTable offlineTable = TestUsers.as(
                admin, () -> tables.build(ReportKind.OFFLINE, filter, Locale.ENGLISH, key -> key, Map.of()));
        assertThat(offlineTable.rows().get(0).get(5))
                .isEqualTo("sales.status.DECLINED · " + "sales.decline.offline_limit_exceeded");
        assertThat(offlineTable.rows().get(1).get(2)).isEqualTo("report.delay.hours");
        assertThat(offlineTable.totals().getLast()).isEqualTo(Money.of(30_000, "IDR"));
    }

    @Test
    void theDelayReadsInMinutesOrInHoursAndMinutes() {
        Map<String, String> words = Map.of("report.delay.minutes", "{0} min", "report.delay.hours", "{0} h {1} min");
        assertThat(ActivityTables.delay(Duration.ofMinutes(45), words::get)).isEqualTo("45 min");
        assertThat(ActivityTables.delay(Duration.ofMinutes(25 * 60 + 30), words::get))
                .isEqualTo("25 h 30 min");
        assertThat(ActivityTables.delay(Duration.ofSeconds(-5), words::get)).isEqualTo("0 min");
    }

    private static Instant at(LocalDate day, int hour, int minute, ZoneId zone) {
        return day.atTime(hour, minute).atZone(zone).toInstant();
    }
}

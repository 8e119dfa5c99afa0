package id.lapak.reports;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.settlement.SettlementFixture;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.testing.IntegrationTest;
import id.lapak.testing.TestUsers;
import id.lapak.testing.TestUsers.TestUser;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The day in progress is rolled up to an hour back and the rest read live: today's figures equal the sales at every
 * step, and a refund of this morning's sale or an offline payment uploaded hours late shows at once, although the
 * rollup of the day had already counted the morning.
 */
@IntegrationTest
class ReportDayInProgressIntegrationTest {

    @Autowired
    TenantDirectory tenants;

    @Autowired
    PlatformAccess platform;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReportService reports;

    @Autowired
    ReportRollups rollups;

    SettlementFixture fixture;
    UUID tenant;
    UUID store;
    ZoneId zone;
    TestUser admin;

    @BeforeEach
    void aStoreWhoseDayIsWellUnderWay() {
        fixture = new SettlementFixture(tenants, platform, jdbc);
        tenant = fixture.tenant("Hari berjalan");
        // A zone where it is now between 04:00 and 23:00, so this morning is hours back and still today.
        zone = List.of("Asia/Jakarta", "America/Los_Angeles", "Europe/London").stream()
                .map(ZoneId::of)
                .filter(z -> {
                    LocalTime now = LocalTime.now(z);
                    return now.isAfter(LocalTime.of(4, 0)) && now.isBefore(LocalTime.of(23, 0));
                })
                .findFirst()
                .orElseThrow();
        store = fixture.store(tenant, "Toko", zone.getId());
        admin = TestUsers.user(tenant, Set.of(), Role.MERCHANT_ADMIN);
    }

    @Test
    void todayIsRollupUpToAnHourBackPlusTheSalesAfterIt() {
        Instant now = Instant.now();
        LocalDate today = LocalDate.now(zone);
        Instant morning = ZonedDateTime.now(zone).with(LocalTime.of(1, 0)).toInstant();
        UUID early = fixture.capturedSale(tenant, store, 10_000, morning, morning);
        fixture.capturedSale(
                tenant, store, 20_000, now.minus(Duration.ofMinutes(90)), now.minus(Duration.ofMinutes(90)));
        fixture.capturedSale(tenant, store, 40_000, now.minus(Duration.ofMinutes(5)), now.minus(Duration.ofMinutes(5)));
        ReportFilter todayOnly = ReportFilter.days(today, today);
        List<Object> live = everything(todayOnly);
        assertThat(summary(todayOnly).collected().minor()).isEqualTo(70_000);

        assertThat(rollups.rollDue(tenant))
                .as("today rolled up to an hour back")
                .isEqualTo(1);
        assertThat(rollups.rollDue(tenant)).as("not again within minutes").isZero();
        Instant until = platform.call(
                "test: the rollup's bound",
                () -> jdbc.sql("select until from report_day where tenant_id = :tenant and day = :day")
                        .param("tenant", tenant)
                        .param("day", today)
                        .query(Instant.class)
                        .single());
        assertThat(Duration.between(until, now).abs().minus(ReportRollups.GRACE))
                .isLessThan(Duration.ofMinutes(1));
        int rolledRows = platform.call(
                "test: rolled totals",
                () -> jdbc.sql("select captured_minor from report_total where tenant_id = :tenant and day = :day")
                        .param("tenant", tenant)
                        .param("day", today)
                        .query(Integer.class)
                        .single());
        assertThat(rolledRows)
                .as("the rollup holds the sales before its bound only")
                .isEqualTo(30_000);
        assertThat(everything(todayOnly)).as("rollup + live = live").isEqualTo(live);

        // A refund of this morning's sale and an offline payment of this morning uploaded now: at once.
        fixture.refund(tenant, early, 2_500, Instant.now());
        fixture.capturedSale(tenant, store, 8_000, morning.plus(Duration.ofMinutes(30)), Instant.now());
        Figures after = summary(todayOnly);
        assertThat(after.refundedMinor()).isEqualTo(2_500);
        assertThat(after.capturedMinor()).isEqualTo(78_000);
        List<Object> changed = everything(todayOnly);
        assertThat(TestUsers.as(admin, () -> reports.changes(todayOnly)))
                .as("changes on the sale's own day are not changes after the day ended")
                .isEmpty();

        assertThat(rollups.rollDue(tenant))
                .as("the changed day in progress is rolled again")
                .isEqualTo(1);
        assertThat(everything(todayOnly)).isEqualTo(changed);
        assertThat(rollups.rebuild(tenant)).isPositive();
        assertThat(everything(todayOnly))
                .as("rebuilt = computed from the sales")
                .isEqualTo(changed);
        assertThat(TestUsers.as(admin, () -> reports.compare(todayOnly)).current())
                .isEqualTo(after);
    }

    @Test
    void aPaymentAsItHappensLogsNoChangeAndALaterRefundOfAnEarlierSaleDoes() {
        Instant now = Instant.now();
        UUID fresh = fixture.capturedSale(tenant, store, 10_000, now, now);
        fixture.refund(tenant, fresh, 1_000, now);
        assertThat(changesLogged())
                .as("a sale, its capture's settlement line and its refund within minutes concern no rolled range")
                .isEmpty();

        Instant twoHoursBack = now.minus(Duration.ofHours(2));
        UUID earlier = fixture.capturedSale(tenant, store, 20_000, twoHoursBack, twoHoursBack);
        fixture.refund(tenant, earlier, 5_000, Instant.now());
        assertThat(changesLogged())
                .as("the earlier sale, its line and its refund's line are in a range a rollup may hold")
                .containsExactly("LATE_SALE", "SALE_CHANGED", "SETTLED");
    }

    private List<String> changesLogged() {
        return platform.call(
                "test: report changes",
                () -> jdbc.sql("select distinct kind from report_change where tenant_id = :tenant order by kind")
                        .param("tenant", tenant)
                        .query(String.class)
                        .list());
    }

    private Figures summary(ReportFilter filter) {
        return TestUsers.as(admin, () -> reports.summary(filter));
    }

    private List<Object> everything(ReportFilter filter) {
        return TestUsers.as(
                admin,
                () -> List.of(
                        reports.summary(filter),
                        reports.byHour(filter),
                        reports.byDevice(filter),
                        reports.byPaymentMethod(filter),
                        reports.byItem(filter),
                        reports.tax(filter)));
    }
}

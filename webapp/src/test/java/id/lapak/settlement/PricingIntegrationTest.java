package id.lapak.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapak.billing.payout.BusinessCalendar;
import id.lapak.billing.pricing.FeeRule;
import id.lapak.billing.pricing.PlanForm;
import id.lapak.billing.pricing.PricingRefused;
import id.lapak.billing.pricing.PricingService;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.tenant.money.Money;
import id.lapak.testing.IntegrationTest;
import id.lapak.testing.TestUsers;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;

/** Support keeps pricing plans (with history, from a date) and the holiday calendar; bad fields save nothing. */
@IntegrationTest
class PricingIntegrationTest {

    @Autowired
    TenantDirectory tenants;

    @Autowired
    PlatformAccess platform;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PricingService pricing;

    @Autowired
    BusinessCalendar calendar;

    @Test
    void aPlanAppliesFromItsDateAndNegativeRatesAreRefusedPerField() {
        UUID tenant = new SettlementFixture(tenants, platform, jdbc).tenant("Toko Tarif");
        var support = TestUsers.user(null, Set.of(), Role.SUPPORT);
        var admin = TestUsers.user(tenant, Set.of(), Role.MERCHANT_ADMIN);
        LocalDate today = LocalDate.now(ZoneOffset.ofHours(7));
        PlanForm bad = new PlanForm(
                today,
                "IDR",
                -1,
                1100,
                Map.of("VISA", new PlanForm.BrandRate(-5, 0), "AMEX", new PlanForm.BrandRate(300, -2)));
        assertThatThrownBy(() -> TestUsers.as(support, () -> pricing.addPlan(tenant, bad)))
                .isInstanceOfSatisfying(
                        PricingRefused.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("minimumFee", "VISA.rate", "AMEX.fixed"));
        assertThat(platform.call(
                        "test",
                        () -> jdbc.sql("select count(*) from pricing_plan where tenant_id = ?")
                                .param(tenant)
                                .query(Long.class)
                                .single()))
                .isZero();
        PlanForm good = new PlanForm(today, "IDR", 500, 1100, Map.of("VISA", new PlanForm.BrandRate(190, 0)));
        assertThatThrownBy(() -> TestUsers.as(admin, () -> pricing.addPlan(tenant, good)))
                .isInstanceOf(AuthorizationDeniedException.class);

        TestUsers.as(support, () -> pricing.addPlan(tenant, good));
        TestUsers.as(
                support,
                () -> pricing.addPlan(
                        tenant,
                        new PlanForm(
                                today.plusDays(10),
                                "IDR",
                                0,
                                1100,
                                Map.of("VISA", new PlanForm.BrandRate(250, 1_000)))));

        assertThat(TestUsers.as(support, () -> pricing.ruleOn(tenant, today.minusDays(1), "VISA")))
                .isEmpty();
        assertThat(TestUsers.as(support, () -> pricing.ruleOn(tenant, today.plusDays(9), "VISA")))
                .contains(new FeeRule(190, Money.of(0, "IDR"), Money.of(500, "IDR"), 1100));
        assertThat(TestUsers.as(support, () -> pricing.ruleOn(tenant, today.plusDays(10), "VISA")))
                .contains(new FeeRule(250, Money.of(1_000, "IDR"), Money.of(0, "IDR"), 1100));
        // The history keeps both plans, latest first; the merchant admin reads it, support writes it.
        assertThat(TestUsers.as(support, () -> pricing.plans(tenant)))
                .extracting(p -> p.effectiveFrom())
                .containsExactly(today.plusDays(10), today);
        assertThat(TestUsers.as(admin, () -> pricing.ownPlans()))
                .hasSize(2)
                .first()
                .satisfies(p -> assertThat(p.rates().get("VISA")).isEqualTo(new PlanForm.BrandRate(250, 1_000)));
        assertThatThrownBy(() ->
                        TestUsers.as(TestUsers.user(tenant, Set.of(), Role.STORE_MANAGER), () -> pricing.ownPlans()))
                .isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void supportEditsTheHolidayCalendarAndPayoutsSkipTheNewDay() {
        var support = TestUsers.user(null, Set.of(), Role.SUPPORT);
        int year = LocalDate.now(ZoneOffset.ofHours(7)).getYear();
        assertThatThrownBy(() ->
                        TestUsers.run(support, () -> pricing.saveHoliday(LocalDate.of(year - 1, 5, 5), "Libur", false)))
                .isInstanceOfSatisfying(
                        PricingRefused.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("day"));
        // Friday 11 June of next year becomes a holiday: Thursday's payout moves to Monday.
        LocalDate thursday = LocalDate.of(year + 1, 6, 10);
        while (thursday.getDayOfWeek() != java.time.DayOfWeek.THURSDAY) {
            thursday = thursday.plusDays(1);
        }
        LocalDate friday = thursday.plusDays(1);
        LocalDate from = thursday;
        TestUsers.run(support, () -> pricing.removeHoliday(friday));
        assertThat(calendar.addBusinessDays(from, 1)).isEqualTo(friday);
        TestUsers.run(support, () -> pricing.saveHoliday(friday, "Cuti bersama", true));
        assertThat(calendar.addBusinessDays(from, 1)).isEqualTo(friday.plusDays(3));
        assertThat(TestUsers.as(support, () -> pricing.holidays(friday.getYear())))
                .contains(Map.entry(friday, "Cuti bersama"));
        TestUsers.run(support, () -> pricing.removeHoliday(friday));
        assertThat(calendar.addBusinessDays(from, 1)).isEqualTo(friday);
    }
}

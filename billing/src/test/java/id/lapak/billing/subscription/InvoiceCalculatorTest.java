package id.lapak.billing.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.billing.subscription.InvoiceLine.LineKind;
import id.lapak.tenant.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The period of an instant in the tenant's zone, proration by day, tiers, PPN and the rerun difference. */
class InvoiceCalculatorTest {

    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    static final PlanPrice STARTER = price(
            "STARTER",
            99_000,
            25_000,
            0,
            PlanInterval.MONTHLY,
            List.of(new PlanPrice.Tier(0, idr(0)), new PlanPrice.Tier(1000, idr(200))));
    static final PlanPrice GROWTH = price(
            "GROWTH",
            299_000,
            20_000,
            0,
            PlanInterval.MONTHLY,
            List.of(new PlanPrice.Tier(0, idr(0)), new PlanPrice.Tier(5000, idr(150))));

    @Test
    void aSaleAt2330WibOnThe30thBelongsToThatMonthAndOneAt0030ToTheNext() {
        Instant lateOn30th =
                LocalDate.of(2026, 11, 30).atTime(23, 30).atZone(WIB).toInstant();
        Instant earlyOn1st = LocalDate.of(2026, 12, 1).atTime(0, 30).atZone(WIB).toInstant();
        assertThat(BillingPeriod.containing(lateOn30th, WIB).month()).isEqualTo(YearMonth.of(2026, 11));
        assertThat(BillingPeriod.containing(earlyOn1st, WIB).month()).isEqualTo(YearMonth.of(2026, 12));
        // In UTC the second is still November: the tenant's zone decides, not the server's.
        assertThat(BillingPeriod.containing(earlyOn1st, ZoneOffset.UTC).month()).isEqualTo(YearMonth.of(2026, 11));
        BillingPeriod november = new BillingPeriod(YearMonth.of(2026, 11), WIB);
        assertThat(november.start()).isEqualTo(Instant.parse("2026-10-31T17:00:00Z"));
        assertThat(november.end()).isEqualTo(Instant.parse("2026-11-30T17:00:00Z"));
        assertThat(november.days()).isEqualTo(30);
    }

    @Test
    void aPlanChangeMidMonthIsProratedByDayAndDevicesByDeviceDays() {
        BillingPeriod november = new BillingPeriod(YearMonth.of(2026, 11), WIB);
        List<InvoiceCalculator.DayPlan> plans = new ArrayList<>();
        for (LocalDate day : november.dayList()) {
            plans.add(
                    day.getDayOfMonth() <= 10
                            ? new InvoiceCalculator.DayPlan(STARTER, LocalDate.of(2026, 1, 1), false)
                            : new InvoiceCalculator.DayPlan(GROWTH, LocalDate.of(2026, 11, 11), false));
        }
        int[] devices = new int[30];
        Arrays.fill(devices, 2);
        devices[29] = 1; // one device retired on the 30th
        InvoiceDraft draft = InvoiceCalculator.draft(november, plans, devices, 5_200, 1100);
        assertThat(amounts(draft))
                .containsExactly(
                        Map.entry("PLAN:STARTER", 33_000L), // 99.000 × 10/30
                        Map.entry("DEVICES:STARTER", 16_667L), // 25.000 × 20 device-days/30
                        Map.entry("PLAN:GROWTH", 199_333L), // 299.000 × 20/30
                        Map.entry("DEVICES:GROWTH", 26_000L), // 20.000 × 39 device-days/30
                        Map.entry("TRANSACTIONS:GROWTH:0", 0L), // tiers of the plan on the last day
                        Map.entry("TRANSACTIONS:GROWTH:5000", 30_000L),
                        Map.entry("PPN", 33_550L)); // 11 % of 305.000
        assertThat(draft.subtotal()).isEqualTo(idr(305_000));
        assertThat(draft.total()).isEqualTo(idr(338_550));
        assertThat(draft.lines().stream()
                        .filter(l -> l.key().equals("DEVICES:GROWTH"))
                        .findFirst()
                        .orElseThrow()
                        .quantity())
                .isEqualTo(39);
    }

    @Test
    void trialDaysCostNoFeeAndAnAnnualPlanBillsItsYearInItsFirstMonth() {
        BillingPeriod december = new BillingPeriod(YearMonth.of(2026, 12), WIB);
        PlanPrice annual =
                price("ENTERPRISE", 1_000_000, 0, 0, PlanInterval.ANNUAL, List.of(new PlanPrice.Tier(0, idr(0))));
        List<InvoiceCalculator.DayPlan> plans = new ArrayList<>();
        for (LocalDate day : december.dayList()) {
            plans.add(new InvoiceCalculator.DayPlan(
                    day.getDayOfMonth() < 16 ? STARTER : annual,
                    day.getDayOfMonth() < 16 ? LocalDate.of(2026, 12, 1) : LocalDate.of(2026, 12, 16),
                    day.getDayOfMonth() < 11));
        }
        InvoiceDraft draft = InvoiceCalculator.draft(december, plans, new int[31], 10, 1100);
        assertThat(amounts(draft))
                .containsEntry("PLAN:STARTER", 15_968L) // 99.000 × 5/31, the trial days free
                .containsEntry("PLAN:ENTERPRISE", 12_000_000L);
        BillingPeriod january = december.next();
        List<InvoiceCalculator.DayPlan> next = new ArrayList<>();
        january.dayList()
                .forEach(d -> next.add(new InvoiceCalculator.DayPlan(annual, LocalDate.of(2026, 12, 16), false)));
        assertThat(amounts(InvoiceCalculator.draft(january, next, new int[31], 0, 1100)))
                .doesNotContainKey("PLAN:ENTERPRISE");
    }

    @Test
    void aRerunWithTheSameUsageDiffersInNothingAndALateRetirementInOneLine() {
        BillingPeriod november = new BillingPeriod(YearMonth.of(2026, 11), WIB);
        List<InvoiceCalculator.DayPlan> plans = new ArrayList<>();
        november.dayList()
                .forEach(d -> plans.add(new InvoiceCalculator.DayPlan(STARTER, LocalDate.of(2026, 1, 1), false)));
        int[] devices = new int[30];
        Arrays.fill(devices, 3);
        InvoiceDraft billed = InvoiceCalculator.draft(november, plans, devices, 10, 1100);
        Map<String, InvoiceLine> asBilled = new java.util.HashMap<>();
        billed.lines().forEach(l -> asBilled.put(l.key(), l));
        assertThat(InvoiceIssuer.difference(billed.lines(), asBilled)).isEmpty();

        Arrays.fill(devices, 15, 30, 2); // a device retired on the 16th, recorded late
        List<InvoiceLine> diff = InvoiceIssuer.difference(
                InvoiceCalculator.draft(november, plans, devices, 10, 1100).lines(), asBilled);
        assertThat(diff)
                .extracting(InvoiceLine::key, InvoiceLine::amountMinor)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("DEVICES:STARTER", -12_500L),
                        org.assertj.core.groups.Tuple.tuple("PPN", -1_375L));
        assertThat(diff.getFirst().quantity()).isEqualTo(-15);
    }

    @Test
    void thePlanOfADayFollowsSubscriptionsAndPriceHistory() {
        PlanPrice withTrial = new PlanPrice(
                "STARTER",
                "Starter",
                LocalDate.of(2026, 1, 1),
                idr(99_000),
                idr(25_000),
                30,
                PlanInterval.MONTHLY,
                STARTER.tiers());
        NavigableMap<LocalDate, PlanPrice> starter = new TreeMap<>(Map.of(LocalDate.of(2026, 1, 1), withTrial));
        PlanPrice dearer = new PlanPrice(
                "STARTER",
                "Starter",
                LocalDate.of(2026, 11, 20),
                idr(129_000),
                idr(25_000),
                30,
                PlanInterval.MONTHLY,
                STARTER.tiers());
        starter.put(dearer.effectiveFrom(), dearer);
        var prices = Map.<String, NavigableMap<LocalDate, PlanPrice>>of("STARTER", starter);
        BillingPeriod november = new BillingPeriod(YearMonth.of(2026, 11), WIB);
        var days = PlanReads.dayPlans(
                november, List.of(new PlanReads.Subscription(LocalDate.of(2026, 11, 5), "STARTER")), prices);
        assertThat(days.get(3)).isNull();
        assertThat(days.get(4).trial()).isTrue(); // 30 trial days from the 5th
        assertThat(days.get(29).trial()).isTrue();
        assertThat(days.get(18).price().monthlyFee()).isEqualTo(idr(99_000));
        assertThat(days.get(19).price().monthlyFee()).isEqualTo(idr(129_000));
    }

    private static Map<String, Long> amounts(InvoiceDraft draft) {
        Map<String, Long> amounts = new java.util.LinkedHashMap<>();
        draft.lines().forEach(l -> amounts.put(l.key(), l.amountMinor()));
        assertThat(draft.lines()).filteredOn(l -> l.kind() == LineKind.PPN).hasSize(1);
        return amounts;
    }

    static Money idr(long minor) {
        return Money.of(minor, "IDR");
    }

    static PlanPrice price(
            String code, long monthly, long device, int trial, PlanInterval interval, List<PlanPrice.Tier> tiers) {
        return new PlanPrice(
                code,
                code.charAt(0) + code.substring(1).toLowerCase(),
                LocalDate.of(2026, 1, 1),
                idr(monthly),
                idr(device),
                trial,
                interval,
                tiers);
    }
}

package id.lapak.billing.subscription;

import id.lapak.billing.subscription.InvoiceLine.LineKind;
import id.lapak.tenant.money.Money;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a period costs, from the plan of each day and the usage: the platform fee prorated by the days on each plan
 * (an annual plan: twelve months at once in the month its year starts), the device fee prorated by device-days,
 * the transactions per tier of the plan on the period's last day, then PPN on the subtotal as its own line. Trial
 * days cost neither platform nor device fee. Pure: the same inputs always give the same lines, which is what makes
 * a rerun comparable.
 */
final class InvoiceCalculator {

    /** The plan of one day: its price, since when the tenant is on this plan, and whether the day is in the trial. */
    record DayPlan(PlanPrice price, LocalDate subscribedFrom, boolean trial) {}

    private InvoiceCalculator() {}

    /**
     * @param plans          the plan of each day of the period, in order (null: no plan that day)
     * @param activeDevices  devices active on each day of the period, in order
     * @param transactions   captured sales in the period
     */
    static InvoiceDraft draft(
            BillingPeriod period, List<DayPlan> plans, int[] activeDevices, long transactions, long ppnBasisPoints) {
        if (plans.size() != period.days() || activeDevices.length != period.days()) {
            throw new IllegalArgumentException("One plan and one device count per day of the period");
        }
        DayPlan last =
                plans.stream().filter(Objects::nonNull).reduce((a, b) -> b).orElse(null);
        if (last == null) {
            return new InvoiceDraft(period, "IDR", List.of(), ppnBasisPoints);
        }
        String currency = last.price().currency();
        Map<String, InvoiceLine> lines = new LinkedHashMap<>();
        int n = period.days();
        int i = 0;
        while (i < n) {
            DayPlan plan = plans.get(i);
            int j = i;
            long deviceDays = 0;
            while (j < n && same(plans.get(j), plan)) {
                deviceDays += activeDevices[j];
                j++;
            }
            if (plan != null && !plan.trial()) {
                fees(lines, plan, period.month(), j - i, deviceDays, n);
            }
            i = j;
        }
        tiers(lines, last.price(), transactions);
        long subtotal =
                lines.values().stream().mapToLong(InvoiceLine::amountMinor).sum();
        List<InvoiceLine> all = new ArrayList<>(lines.values());
        all.add(new InvoiceLine(
                LineKind.PPN,
                "PPN",
                ppnBasisPoints,
                subtotal,
                Money.of(subtotal, currency).basisPoints(ppnBasisPoints).minor()));
        return new InvoiceDraft(period, currency, all, ppnBasisPoints);
    }

    private static boolean same(DayPlan a, DayPlan b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.price().equals(b.price())
                && a.trial() == b.trial()
                && a.subscribedFrom().equals(b.subscribedFrom());
    }

    /**
     * The platform and device fees of {@code days} days in a row on one plan, with {@code deviceDays} device-days,
     * out of a period of {@code n} days.
     */
    private static void fees(
            Map<String, InvoiceLine> lines, DayPlan plan, YearMonth month, int days, long deviceDays, int n) {
        PlanPrice price = plan.price();
        String code = price.planCode();
        if (price.interval() == PlanInterval.MONTHLY) {
            add(
                    lines,
                    LineKind.PLAN,
                    "PLAN:" + code,
                    days,
                    price.monthlyFee().minor(),
                    price.monthlyFee().prorate(days, n));
        } else if (yearStarts(month, plan.subscribedFrom()) && !lines.containsKey("PLAN:" + code)) {
            add(
                    lines,
                    LineKind.PLAN,
                    "PLAN:" + code,
                    12,
                    price.monthlyFee().minor(),
                    price.monthlyFee().times(12));
        }
        if (deviceDays > 0) {
            add(
                    lines,
                    LineKind.DEVICES,
                    "DEVICES:" + code,
                    deviceDays,
                    price.deviceFee().minor(),
                    price.deviceFee().prorate(deviceDays, n));
        }
    }

    private static boolean yearStarts(YearMonth month, LocalDate subscribedFrom) {
        long months = ChronoUnit.MONTHS.between(YearMonth.from(subscribedFrom), month);
        return months >= 0 && months % 12 == 0;
    }

    private static void tiers(Map<String, InvoiceLine> lines, PlanPrice price, long transactions) {
        List<PlanPrice.Tier> tiers = price.tiers().stream()
                .sorted(Comparator.comparingLong(PlanPrice.Tier::fromCount))
                .toList();
        for (int t = 0; t < tiers.size(); t++) {
            long from = tiers.get(t).fromCount();
            long to = t + 1 < tiers.size() ? tiers.get(t + 1).fromCount() : Long.MAX_VALUE;
            long count = Math.max(0, Math.min(transactions, to) - from);
            if (count > 0) {
                Money unit = tiers.get(t).unit();
                add(
                        lines,
                        LineKind.TRANSACTIONS,
                        "TRANSACTIONS:" + price.planCode() + ":" + from,
                        count,
                        unit.minor(),
                        unit.times(count));
            }
        }
    }

    private static void add(
            Map<String, InvoiceLine> lines, LineKind kind, String key, long quantity, long unit, Money amount) {
        lines.merge(
                key,
                new InvoiceLine(kind, key, quantity, unit, amount.minor()),
                (a, b) -> new InvoiceLine(
                        kind,
                        key,
                        a.quantity() + b.quantity(),
                        b.unitMinor(),
                        Math.addExact(a.amountMinor(), b.amountMinor())));
    }
}

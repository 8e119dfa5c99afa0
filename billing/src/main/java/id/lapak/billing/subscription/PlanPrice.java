package id.lapak.billing.subscription;

import id.lapak.tenant.money.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * A plan's price from a day on: the monthly platform fee, the fee per active device and month (prorated by day),
 * the free trial and the per-transaction tiers (the first tier starts at 0).
 */
public record PlanPrice(
        String planCode,
        String planName,
        LocalDate effectiveFrom,
        Money monthlyFee,
        Money deviceFee,
        int trialDays,
        PlanInterval interval,
        List<Tier> tiers) {

    /** From the {@code fromCount}-th transaction of a month on, each costs {@code unit}. */
    public record Tier(long fromCount, Money unit) {}

    public PlanPrice {
        tiers = List.copyOf(tiers);
    }

    public String currency() {
        return monthlyFee.currency().getCurrencyCode();
    }
}

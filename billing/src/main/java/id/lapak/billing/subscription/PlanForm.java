package id.lapak.billing.subscription;

import java.time.LocalDate;
import java.util.List;

/**
 * A plan's price as support enters it (amounts in minor units of {@code currency}); a new plan or a new price of an
 * existing plan from {@code effectiveFrom}.
 */
public record PlanForm(
        String code,
        String name,
        LocalDate effectiveFrom,
        String currency,
        long monthlyFeeMinor,
        long deviceFeeMinor,
        int trialDays,
        PlanInterval interval,
        List<TierForm> tiers) {

    public record TierForm(long fromCount, long unitMinor) {}

    public PlanForm {
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }
}

package id.lapak.billing.pricing;

import java.time.LocalDate;
import java.util.Map;

/**
 * A pricing plan as support enters it: from when it applies, the minimum fee and PPN rate, and per brand (VISA,
 * MASTERCARD, JCB, AMEX, UNIONPAY, GPN, QRIS) the rate in basis points and the fixed amount in minor units.
 */
public record PlanForm(
        LocalDate effectiveFrom,
        String currency,
        long minimumFeeMinor,
        long ppnBasisPoints,
        Map<String, BrandRate> rates) {

    public record BrandRate(long rateBasisPoints, long fixedMinor) {}
}

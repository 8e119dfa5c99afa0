package id.lapak.billing.pricing;

import id.lapak.tenant.money.Money;

/**
 * The fee rule, written down once: per captured sale, {@code amount × rate} in basis points rounded half-up (away
 * from zero) to the minor unit ({@link Money#basisPoints}), plus the brand's fixed amount, and at least the plan's
 * minimum fee. PPN is charged on the fee, again half-up per sale, and kept as its own line. Refunds and reversals
 * carry no fee and return none.
 * <p>
 * The set-based close of day computes the same rule in SQL ({@code settlement_fee}, {@code settlement_bp} in the
 * billing migrations); the settlement tests compare every line with this class.
 */
public record FeeRule(long rateBasisPoints, Money fixed, Money minimum, long ppnBasisPoints) {

    public static final long DEFAULT_PPN_BASIS_POINTS = 1_100;

    public FeeRule {
        if (rateBasisPoints < 0 || rateBasisPoints > 10_000 || ppnBasisPoints < 0 || ppnBasisPoints > 10_000) {
            throw new IllegalArgumentException("rates are between 0 and 10000 basis points");
        }
        if (fixed.isNegative() || minimum.isNegative()) {
            throw new IllegalArgumentException("fixed and minimum fees are not negative");
        }
        if (!fixed.currency().equals(minimum.currency())) {
            throw new IllegalArgumentException("fixed and minimum fees are in one currency");
        }
    }

    /** The platform's fee for capturing {@code amount}. */
    public Money fee(Money amount) {
        return amount.basisPoints(rateBasisPoints).plus(fixed).max(minimum);
    }

    /** PPN on a fee. */
    public Money ppn(Money fee) {
        return fee.basisPoints(ppnBasisPoints);
    }
}

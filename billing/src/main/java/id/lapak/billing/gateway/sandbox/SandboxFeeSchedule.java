package id.lapak.billing.gateway.sandbox;

import id.lapak.billing.gateway.CardBrand;
import id.lapak.tenant.money.Money;
import java.util.Currency;
import java.util.Map;

/**
 * The sandbox acquirer's published fee schedule: the commission it keeps on each line of its settlement file.
 * A capture costs a rate in basis points of the captured amount (rounded half-up to the minor unit, see
 * {@link Money#basisPoints}) plus a fixed amount per brand; a chargeback costs a flat handling fee; refunds and
 * chargeback reversals cost nothing (the capture's commission is not returned). Fixed amounts are in minor units of
 * the line's currency (the sandbox does no conversion). Documented in docs/sandbox-acquirer.md.
 */
public final class SandboxFeeSchedule {

    /** One brand's capture price. */
    public record Price(long basisPoints, long fixedMinor) {}

    public static final Map<CardBrand, Price> CAPTURE = Map.of(
            CardBrand.VISA, new Price(180, 500),
            CardBrand.MASTERCARD, new Price(180, 500),
            CardBrand.JCB, new Price(200, 500),
            CardBrand.AMEX, new Price(280, 0),
            CardBrand.UNIONPAY, new Price(180, 500),
            CardBrand.GPN, new Price(100, 0));

    /** A brand the schedule does not list pays the highest rate. */
    public static final Price OTHER = new Price(280, 500);

    public static final long CHARGEBACK_FEE_MINOR = 25_000;

    private SandboxFeeSchedule() {}

    /**
     * The commission on a line of {@code type} (CAPTURE, REFUND, CHARGEBACK, CHARGEBACK_REVERSAL) for an
     * operation of {@code amountMinor} (positive) with a card of {@code brand} (its name, null when unknown).
     */
    public static Money commission(String type, String brand, long amountMinor, Currency currency) {
        return switch (type) {
            case "CAPTURE" -> {
                Price price = price(brand);
                yield Money.of(amountMinor, currency)
                        .basisPoints(price.basisPoints())
                        .plus(Money.of(price.fixedMinor(), currency));
            }
            case "CHARGEBACK" -> Money.of(CHARGEBACK_FEE_MINOR, currency);
            default -> Money.zero(currency);
        };
    }

    private static Price price(String brand) {
        if (brand == null) {
            return OTHER;
        }
        try {
            return CAPTURE.getOrDefault(CardBrand.valueOf(brand), OTHER);
        } catch (IllegalArgumentException e) {
            return OTHER;
        }
    }
}

package id.lapak.reports;

import id.lapak.tenant.money.Money;
import java.util.Currency;

/**
 * The measures of a set of sales, summed: the same figures the Sales list's totals show (by the time of sale), plus
 * tax, tips and the settlement fees known so far. Every report row is one of these; the derived lines of the sales
 * summary are defined here once.
 * <ul>
 *   <li>gross sales: captured, less tips, plus the discounts given (what the goods and services were priced at, PPN
 *       included);</li>
 *   <li>discounts: the line discounts the devices reported on captured sales;</li>
 *   <li>refunds: refunded on those sales (refunds count against the sale they refund, as the Sales list does);</li>
 *   <li>net sales: gross − discounts − refunds; total collected: net sales + tips (= captured − refunded);</li>
 *   <li>PPN: the tax of captured sales not fully refunded; fees: the acquirer's fee and the PPN on it, from the
 *       settlement lines of those sales; net deposit: total collected − fees − PPN on fees.</li>
 * </ul>
 */
public record Figures(
        Currency currency,
        long attempts,
        long approved,
        long declined,
        long transactions,
        long refundCount,
        long capturedMinor,
        long refundedMinor,
        long tipMinor,
        long taxMinor,
        long feeMinor,
        long feePpnMinor,
        long discountMinor) {

    public static Figures zero(Currency currency) {
        return new Figures(currency, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    public Figures plus(Figures o) {
        if (!currency.equals(o.currency)) {
            throw new IllegalArgumentException("Figures of " + currency + " and " + o.currency + " do not add up");
        }
        return new Figures(
                currency,
                attempts + o.attempts,
                approved + o.approved,
                declined + o.declined,
                transactions + o.transactions,
                refundCount + o.refundCount,
                capturedMinor + o.capturedMinor,
                refundedMinor + o.refundedMinor,
                tipMinor + o.tipMinor,
                taxMinor + o.taxMinor,
                feeMinor + o.feeMinor,
                feePpnMinor + o.feePpnMinor,
                discountMinor + o.discountMinor);
    }

    public Money gross() {
        return money(capturedMinor - tipMinor + discountMinor);
    }

    public Money discounts() {
        return money(discountMinor);
    }

    public Money refunds() {
        return money(refundedMinor);
    }

    public Money net() {
        return gross().minus(discounts()).minus(refunds());
    }

    public Money tips() {
        return money(tipMinor);
    }

    public Money ppn() {
        return money(taxMinor);
    }

    public Money collected() {
        return money(capturedMinor - refundedMinor);
    }

    public Money fees() {
        return money(feeMinor);
    }

    public Money feePpn() {
        return money(feePpnMinor);
    }

    public Money deposit() {
        return collected().minus(fees()).minus(feePpn());
    }

    /** Total collected per transaction; zero without transactions. */
    public Money averageBasket() {
        return transactions == 0
                ? money(0)
                : money(Math.round((double) (capturedMinor - refundedMinor) / transactions));
    }

    /** Approved among approved and declined, in basis points (10,000 = all); -1 when nothing was decided. */
    public long approvalBasisPoints() {
        long decided = approved + declined;
        return decided == 0 ? -1 : Math.round(approved * 10_000.0 / decided);
    }

    private Money money(long minor) {
        return Money.of(minor, currency);
    }
}

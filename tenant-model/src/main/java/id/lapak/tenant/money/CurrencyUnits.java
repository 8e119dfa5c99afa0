package id.lapak.tenant.money;

import java.util.Currency;

/**
 * The one place that decides what a minor unit is. ISO 4217 gives the rupiah two decimals, but nobody prices,
 * pays or settles in sen: Indonesian gateways (Xendit, Midtrans) and banks exchange whole rupiah, and so does
 * Lapak — {@code 15000} is Rp 15.000 everywhere (database, device API, files). A connector to a network that wants
 * the ISO exponent converts at its edge with {@link Money#minorAtExponent(int)}. Every other currency uses its ISO
 * 4217 digits. See docs/decisions/0025-one-money-rule.md.
 */
public final class CurrencyUnits {

    private CurrencyUnits() {}

    /** Fraction digits of {@code currency} as Lapak stores and exchanges it: 0 for IDR, ISO 4217 otherwise. */
    public static int fractionDigits(Currency currency) {
        if ("IDR".equals(currency.getCurrencyCode())) {
            return 0;
        }
        return Math.max(currency.getDefaultFractionDigits(), 0);
    }

    public static int fractionDigits(String currencyCode) {
        return fractionDigits(Currency.getInstance(currencyCode));
    }
}

package id.lapak.catalog.items;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/**
 * Prices are {@code long} minor units of the tenant's currency. The minor unit is the currency's fraction digits
 * as used in practice: ISO 4217 gives the rupiah two, but no one prices in sen, so IDR has none here and
 * {@code 15000} is Rp 15.000.
 */
public final class Money {

    private Money() {
    }

    public static int fractionDigits(Currency currency) {
        if ("IDR".equals(currency.getCurrencyCode())) {
            return 0;
        }
        return Math.max(currency.getDefaultFractionDigits(), 0);
    }

    /** {@code Rp 15.000} in Indonesian, {@code IDR 15,000} in English (other locales use the English form). */
    public static String format(long minor, Currency currency, Locale locale) {
        boolean indonesian = locale != null && ("id".equals(locale.getLanguage()) || "in".equals(locale.getLanguage()));
        int digits = fractionDigits(currency);
        NumberFormat number = NumberFormat.getNumberInstance(indonesian ? Locale.forLanguageTag("id-ID") : Locale.US);
        number.setMinimumFractionDigits(digits);
        number.setMaximumFractionDigits(digits);
        number.setGroupingUsed(true);
        String amount = number.format(toMajor(minor, currency));
        String prefix = indonesian && "IDR".equals(currency.getCurrencyCode()) ? "Rp" : currency.getCurrencyCode();
        return prefix + " " + amount;
    }

    public static BigDecimal toMajor(long minor, Currency currency) {
        return BigDecimal.valueOf(minor, fractionDigits(currency));
    }

    /**
     * A plain amount in major units, {@code .} as the decimal separator and no grouping ({@code 15000},
     * {@code 12.50}), as CSV files and API bodies carry it. Throws {@link IllegalArgumentException} for anything
     * else, a negative amount or more decimals than the currency has.
     */
    public static long parsePlain(String text, Currency currency) {
        if (text == null || !text.strip().matches("\\d{1,15}(\\.\\d{1,4})?")) {
            throw new IllegalArgumentException("not a plain amount");
        }
        BigDecimal amount = new BigDecimal(text.strip());
        try {
            return amount.setScale(fractionDigits(currency), RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("too many decimals for " + currency.getCurrencyCode());
        }
    }

    /**
     * An amount as a person types it in {@code locale}: grouping separators are ignored ({@code 15.000} in
     * Indonesian, {@code 15,000} in English), the locale's decimal separator is accepted, and a currency prefix
     * ({@code Rp}, {@code IDR}) is dropped.
     */
    public static long parse(String text, Currency currency, Locale locale) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty amount");
        }
        boolean indonesian = locale != null && ("id".equals(locale.getLanguage()) || "in".equals(locale.getLanguage()));
        String s = text.strip().replaceFirst("(?i)^(rp\\.?|" + currency.getCurrencyCode() + ")\\s*", "");
        char grouping = indonesian ? '.' : ',';
        char decimal = indonesian ? ',' : '.';
        if (!s.matches("[0-9" + java.util.regex.Pattern.quote(String.valueOf(grouping))
                + java.util.regex.Pattern.quote(String.valueOf(decimal)) + "]+")) {
            throw new IllegalArgumentException("not an amount");
        }
        if (s.chars().filter(c -> c == decimal).count() > 1) {
            throw new IllegalArgumentException("not an amount");
        }
        String plain = s.replace(String.valueOf(grouping), "").replace(decimal, '.');
        return parsePlain(plain, currency);
    }
}

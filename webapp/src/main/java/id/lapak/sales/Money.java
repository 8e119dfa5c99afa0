package id.lapak.sales;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** Amounts are minor units of an ISO 4217 currency; people read and type them in major units. */
final class Money {

    private Money() {
    }

    static BigDecimal major(long minor, String currency) {
        return BigDecimal.valueOf(minor, digits(currency));
    }

    /** Minor units of a typed amount; more decimals than the currency has are refused. */
    static long minor(BigDecimal major, String currency) {
        try {
            return major.setScale(digits(currency), RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("too many decimals");
        }
    }

    static String format(long minor, String currency, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        Currency c = Currency.getInstance(currency);
        format.setCurrency(c);
        format.setMinimumFractionDigits(c.getDefaultFractionDigits());
        format.setMaximumFractionDigits(c.getDefaultFractionDigits());
        return format.format(major(minor, currency));
    }

    static int digits(String currency) {
        return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    }
}

package id.lapak.tenant.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * An amount: integer minor units of a currency ({@link CurrencyUnits} decides the minor unit). Arithmetic refuses
 * mixing currencies and overflow; rates are basis points rounded half-up (away from zero) to the minor unit.
 * People read {@code Rp 15.000} in Indonesian and {@code IDR 15,000} in English.
 */
public record Money(long minor, Currency currency) implements Comparable<Money> {

    private static final Pattern PLAIN = Pattern.compile("-?\\d{1,18}(\\.\\d{1,9})?");

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(long minor, Currency currency) {
        return new Money(minor, currency);
    }

    public static Money of(long minor, String currencyCode) {
        return new Money(minor, Currency.getInstance(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    /** An amount in major units ({@code 15000} rupiah, {@code 12.50} dollars); more decimals than allowed fail. */
    public static Money ofMajor(BigDecimal major, Currency currency) {
        try {
            return new Money(
                    major.setScale(CurrencyUnits.fractionDigits(currency), RoundingMode.UNNECESSARY)
                            .unscaledValue()
                            .longValueExact(),
                    currency);
        } catch (ArithmeticException e) {
            boolean decimals = major.stripTrailingZeros().scale() > CurrencyUnits.fractionDigits(currency);
            throw new MoneyFormatException(
                    decimals ? MoneyFormatException.Reason.TOO_MANY_DECIMALS : MoneyFormatException.Reason.TOO_LARGE,
                    major.toPlainString());
        }
    }

    public int fractionDigits() {
        return CurrencyUnits.fractionDigits(currency);
    }

    public BigDecimal major() {
        return BigDecimal.valueOf(minor, fractionDigits());
    }

    public boolean isZero() {
        return minor == 0;
    }

    public boolean isNegative() {
        return minor < 0;
    }

    public Money plus(Money other) {
        sameCurrency(other);
        return new Money(exact(() -> Math.addExact(minor, other.minor)), currency);
    }

    public Money minus(Money other) {
        sameCurrency(other);
        return new Money(exact(() -> Math.subtractExact(minor, other.minor)), currency);
    }

    public Money negate() {
        return new Money(exact(() -> Math.negateExact(minor)), currency);
    }

    public Money times(long factor) {
        return new Money(exact(() -> Math.multiplyExact(minor, factor)), currency);
    }

    /**
     * This amount × {@code basisPoints} / 10,000, rounded half-up (away from zero) to the minor unit: the fee rule
     * (1 bp = 0.01 %; 290 bp of Rp 15.005 is Rp 435.145 → Rp 435).
     */
    public Money basisPoints(long basisPoints) {
        BigDecimal value = BigDecimal.valueOf(minor)
                .multiply(BigDecimal.valueOf(basisPoints))
                .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_UP);
        try {
            return new Money(value.longValueExact(), currency);
        } catch (ArithmeticException e) {
            throw new ArithmeticException("amount overflow");
        }
    }

    /**
     * This amount × {@code part} / {@code whole}, rounded half-up (away from zero) to the minor unit: proration by
     * days (a Rp 99.000 month fee for 10 of 31 days is Rp 31.935,48 → Rp 31.935).
     */
    public Money prorate(long part, long whole) {
        if (whole <= 0) {
            throw new IllegalArgumentException("prorate needs a positive whole");
        }
        BigDecimal value = BigDecimal.valueOf(minor)
                .multiply(BigDecimal.valueOf(part))
                .divide(BigDecimal.valueOf(whole), 0, RoundingMode.HALF_UP);
        try {
            return new Money(value.longValueExact(), currency);
        } catch (ArithmeticException e) {
            throw new ArithmeticException("amount overflow");
        }
    }

    /** Minor units at another exponent, e.g. ISO 4217's 2 for the rupiah on a network that wants it. */
    public long minorAtExponent(int exponent) {
        try {
            return major().setScale(exponent, RoundingMode.UNNECESSARY)
                    .unscaledValue()
                    .longValueExact();
        } catch (ArithmeticException e) {
            throw new ArithmeticException("amount not representable at exponent " + exponent);
        }
    }

    /** The amount from minor units at another exponent; refuses a fraction below this currency's minor unit. */
    public static Money fromMinorAtExponent(long value, int exponent, Currency currency) {
        return ofMajor(BigDecimal.valueOf(value, exponent), currency);
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    @Override
    public int compareTo(Money other) {
        sameCurrency(other);
        return Long.compare(minor, other.minor);
    }

    /** {@code Rp 15.000} in Indonesian, {@code IDR 15,000} in English; other locales read the English form. */
    public String format(Locale locale) {
        Notation notation = notation(currency, locale);
        return (minor < 0 ? "-" : "") + notation.prefix() + number(locale).format(major().abs());
    }

    /** The number alone as people read it in {@code locale}, without the currency ({@code 15.000}). */
    public String formatNumber(Locale locale) {
        return number(locale).format(major());
    }

    /**
     * How {@link #format} writes amounts of a currency in a language: the prefix with its space ({@code "Rp "},
     * {@code "IDR "}), the grouping and decimal separators and the digits after the decimal separator. For amounts
     * written outside this class by the same rule, such as chart axes drawn in the browser.
     */
    public record Notation(String prefix, char grouping, char decimal, int fractionDigits) {}

    /** The notation of {@code currency} in {@code locale}: the one rule {@link #format} follows. */
    public static Notation notation(Currency currency, Locale locale) {
        boolean indonesian = isIndonesian(locale);
        DecimalFormatSymbols symbols = symbols(locale);
        return new Notation(
                (indonesian && "IDR".equals(currency.getCurrencyCode()) ? "Rp" : currency.getCurrencyCode()) + " ",
                symbols.getGroupingSeparator(),
                symbols.getDecimalSeparator(),
                CurrencyUnits.fractionDigits(currency));
    }

    private DecimalFormat number(Locale locale) {
        DecimalFormat number = new DecimalFormat("#,##0", symbols(locale));
        number.setMinimumFractionDigits(fractionDigits());
        number.setMaximumFractionDigits(fractionDigits());
        return number;
    }

    private static DecimalFormatSymbols symbols(Locale locale) {
        return DecimalFormatSymbols.getInstance(isIndonesian(locale) ? Locale.forLanguageTag("id-ID") : Locale.US);
    }

    /** Major units with {@code .} and no grouping ({@code 15000}, {@code 12.50}): the form of files and APIs. */
    public String toPlainString() {
        return major().toPlainString();
    }

    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + toPlainString();
    }

    /** A plain amount in major units ({@code 15000}, {@code 12.50}, {@code -3}) as files and API bodies carry it. */
    public static Money parsePlain(String text, Currency currency) {
        if (text == null || text.isBlank()) {
            throw new MoneyFormatException(MoneyFormatException.Reason.EMPTY, text);
        }
        String s = text.strip();
        if (!PLAIN.matcher(s).matches()) {
            throw new MoneyFormatException(
                    s.length() > 19 && s.matches("-?[0-9.]+")
                            ? MoneyFormatException.Reason.TOO_LARGE
                            : MoneyFormatException.Reason.NOT_A_NUMBER,
                    text);
        }
        return ofMajor(new BigDecimal(s), currency);
    }

    /**
     * An amount as a person types it in {@code locale}: a currency prefix ({@code Rp}, {@code Rp.}, the ISO code)
     * is dropped, the locale's grouping separator is ignored where it groups thousands, the locale's decimal
     * separator is accepted. Negative amounts are refused. For a currency without decimals, a separator that
     * would be grouping in the other language ({@code 23.000} typed in English) is refused as ambiguous rather
     * than read as 23.
     */
    public static Money parse(String text, Currency currency, Locale locale) {
        if (text == null || text.isBlank()) {
            throw new MoneyFormatException(MoneyFormatException.Reason.EMPTY, text);
        }
        boolean indonesian = isIndonesian(locale);
        String s = text.strip()
                .replaceFirst("(?i)^(rp\\.?|" + Pattern.quote(currency.getCurrencyCode()) + ")\\s*", "")
                .replace("\u00a0", "")
                .replace(" ", "");
        if (s.startsWith("-")) {
            throw new MoneyFormatException(MoneyFormatException.Reason.NEGATIVE, text);
        }
        char grouping = indonesian ? '.' : ',';
        char decimal = indonesian ? ',' : '.';
        if (s.isEmpty()
                || !s.chars().allMatch(c -> Character.isDigit(c) && c < 128 || c == grouping || c == decimal)
                || !Character.isDigit(s.charAt(0))
                || !Character.isDigit(s.charAt(s.length() - 1))) {
            throw new MoneyFormatException(MoneyFormatException.Reason.NOT_A_NUMBER, text);
        }
        int decimalAt = s.indexOf(decimal);
        if (decimalAt >= 0 && s.indexOf(decimal, decimalAt + 1) >= 0) {
            // Several "decimal" separators: only grouping in the other language reads like that (1.234.567).
            throw new MoneyFormatException(MoneyFormatException.Reason.AMBIGUOUS, text);
        }
        String whole = decimalAt >= 0 ? s.substring(0, decimalAt) : s;
        String fraction = decimalAt >= 0 ? s.substring(decimalAt + 1) : "";
        if (whole.indexOf(grouping) >= 0
                && !whole.matches("\\d{1,3}(" + Pattern.quote(String.valueOf(grouping)) + "\\d{3})+")) {
            throw new MoneyFormatException(MoneyFormatException.Reason.NOT_A_NUMBER, text);
        }
        if (decimalAt >= 0 && CurrencyUnits.fractionDigits(currency) == 0 && fraction.length() == 3) {
            throw new MoneyFormatException(MoneyFormatException.Reason.AMBIGUOUS, text);
        }
        String plain = whole.replace(String.valueOf(grouping), "") + (fraction.isEmpty() ? "" : "." + fraction);
        if (plain.replace(".", "").length() > 18) {
            throw new MoneyFormatException(MoneyFormatException.Reason.TOO_LARGE, text);
        }
        return ofMajor(new BigDecimal(plain), currency);
    }

    private static boolean isIndonesian(Locale locale) {
        return locale != null && ("id".equals(locale.getLanguage()) || "in".equals(locale.getLanguage()));
    }

    private void sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException(
                    "cannot mix " + currency.getCurrencyCode() + " and " + other.currency.getCurrencyCode());
        }
    }

    private static long exact(LongSupplier operation) {
        try {
            return operation.getAsLong();
        } catch (ArithmeticException e) {
            throw new ArithmeticException("amount overflow");
        }
    }
}

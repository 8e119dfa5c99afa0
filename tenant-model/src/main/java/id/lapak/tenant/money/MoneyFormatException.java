package id.lapak.tenant.money;

import java.util.Locale;

/** A text that is not an amount; {@link #reason()} is stable and translatable ({@code money.invalid.<reason>}). */
public final class MoneyFormatException extends IllegalArgumentException {

    /** Why a text was refused as an amount. */
    public enum Reason {
        /** Nothing typed. */
        EMPTY,
        /** Characters that are not digits, separators or the currency's prefix. */
        NOT_A_NUMBER,
        /** More decimals than the currency has (e.g. {@code 15000,5} rupiah). */
        TOO_MANY_DECIMALS,
        /**
         * A separator that reads as a decimal point in this locale but as grouping in the other one, for a currency
         * without decimals ({@code 23.000} typed in English): refused instead of saving Rp 23.
         */
        AMBIGUOUS,
        /** A minus sign where only amounts of zero or more are allowed. */
        NEGATIVE,
        /** Beyond what a {@code long} of minor units holds. */
        TOO_LARGE
    }

    private final Reason reason;

    MoneyFormatException(Reason reason, String text) {
        super("not an amount (" + reason.name().toLowerCase(Locale.ROOT) + "): "
                + (text == null ? "null" : text.length() > 40 ? text.substring(0, 40) + "…" : text));
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** The translation key of the reason, e.g. {@code money.invalid.too-many-decimals}. */
    public String messageKey() {
        return "money.invalid." + reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

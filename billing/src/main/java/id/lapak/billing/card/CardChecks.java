package id.lapak.billing.card;

import id.lapak.billing.gateway.CardBrand;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.function.IntUnaryOperator;

/**
 * Checks on a clear PAN held as ASCII digits. Nothing here copies the number into a {@code String}; the caller keeps
 * ownership of the array and wipes it.
 */
public final class CardChecks {

    private CardChecks() {}

    /** The Luhn (mod 10) check digit holds. */
    public static boolean luhn(byte[] pan) {
        return luhn(pan.length, i -> pan[i] - '0');
    }

    /** The Luhn (mod 10) check digit holds, for a PAN held as characters. */
    public static boolean luhn(char[] pan) {
        return luhn(pan.length, i -> pan[i] - '0');
    }

    private static boolean luhn(int length, IntUnaryOperator digitAt) {
        int sum = 0;
        boolean twice = false;
        for (int i = length - 1; i >= 0; i--) {
            int digit = digitAt.applyAsInt(i);
            if (digit < 0 || digit > 9) {
                return false;
            }
            if (twice) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    /**
     * The network, from the leading digits: Visa 4; Mastercard 51–55 and 2221–2720; American Express 34 and 37; JCB
     * 3528–3589; UnionPay 62; GPN (Gerbang Pembayaran Nasional, Indonesia's domestic network) 9360.
     */
    public static CardBrand brand(byte[] pan) {
        if (pan.length < 6) {
            return CardBrand.UNKNOWN;
        }
        int two = prefix(pan, 2);
        int four = prefix(pan, 4);
        if (pan[0] == '4') {
            return CardBrand.VISA;
        }
        if (two >= 51 && two <= 55 || four >= 2221 && four <= 2720) {
            return CardBrand.MASTERCARD;
        }
        if (two == 34 || two == 37) {
            return CardBrand.AMEX;
        }
        if (four >= 3528 && four <= 3589) {
            return CardBrand.JCB;
        }
        if (two == 62) {
            return CardBrand.UNIONPAY;
        }
        if (four == 9360) {
            return CardBrand.GPN;
        }
        return CardBrand.UNKNOWN;
    }

    /** Whether the PAN's length is one the brand issues. */
    public static boolean lengthFits(CardBrand brand, int length) {
        return switch (brand) {
            case VISA -> length == 13 || length == 16 || length == 19;
            case MASTERCARD -> length == 16;
            case AMEX -> length == 15;
            case JCB, UNIONPAY, GPN -> length >= 16 && length <= 19;
            case UNKNOWN -> length >= 12 && length <= 19;
        };
    }

    /** A card is valid through the last day of its expiry month. {@code yyMm} is four digits YYMM. */
    public static boolean expired(String yyMm, YearMonth now) {
        return expiry(yyMm).isBefore(now);
    }

    /** The expiry as a year and month (20YY). */
    public static YearMonth expiry(String yyMm) {
        return YearMonth.of(2000 + Integer.parseInt(yyMm.substring(0, 2)), Integer.parseInt(yyMm.substring(2, 4)));
    }

    /** First six and last four digits with the rest masked (at most what PCI DSS lets Lapak show and keep). */
    public static String masked(byte[] pan) {
        StringBuilder masked = new StringBuilder(pan.length);
        for (int i = 0; i < pan.length; i++) {
            masked.append(i < 6 || i >= pan.length - 4 ? (char) pan[i] : '*');
        }
        return masked.toString();
    }

    public static String last4(byte[] pan) {
        return new String(pan, pan.length - 4, 4, StandardCharsets.US_ASCII);
    }

    private static int prefix(byte[] pan, int digits) {
        int value = 0;
        for (int i = 0; i < digits; i++) {
            value = value * 10 + (pan[i] - '0');
        }
        return value;
    }
}

package id.lapak.carddata;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Looks for card numbers in text (a database dump, a log file). Two rules:
 * <ul>
 *     <li>every known test PAN, as digits (which also covers packed BCD shown as hex) and as the hex of its ASCII
 *     digits (a {@code bytea} holding the text), anywhere;</li>
 *     <li>any run of 13 to 19 digits, standing alone (not part of a longer digit run, and not inside a hex string
 *     such as a hash or a UUID, and not glued to letters as in a key identifier), that passes the Luhn check and starts with a payment-card major industry
 *     identifier (2–6 or 9). Epoch milliseconds (first digit 1) and hashes are not card numbers.</li>
 * </ul>
 */
final class CardNumberScanner {

    /** Where a card number turned up; {@code masked} shows only its first six and last four digits. */
    record Finding(String source, long line, String rule, String masked) {}

    private final List<String> testPans;

    CardNumberScanner(Collection<String> testPans) {
        this.testPans = List.copyOf(testPans);
    }

    List<Finding> scan(String source, String text) {
        List<Finding> findings = new ArrayList<>();
        long lineNo = 0;
        for (String line : (Iterable<String>) text.lines()::iterator) {
            lineNo++;
            scanLine(source, lineNo, line, findings);
        }
        return findings;
    }

    private void scanLine(String source, long lineNo, String line, List<Finding> findings) {
        String lower = line.toLowerCase(Locale.ROOT);
        for (String pan : testPans) {
            if (line.contains(pan)) {
                findings.add(new Finding(source, lineNo, "test PAN", mask(pan)));
            }
            if (lower.contains(asciiHex(pan))) {
                findings.add(new Finding(source, lineNo, "test PAN as hex of its text", mask(pan)));
            }
        }
        int i = 0;
        int n = line.length();
        while (i < n) {
            if (!isDigit(line.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && isDigit(line.charAt(i))) {
                i++;
            }
            int length = i - start;
            if (length < 13 || length > 19 || insideHex(line, start, i) || gluedToLetters(line, start, i)) {
                continue;
            }
            String digits = line.substring(start, i);
            if ("234569".indexOf(digits.charAt(0)) >= 0 && luhn(digits)) {
                findings.add(new Finding(source, lineNo, "Luhn-valid number", mask(digits)));
            }
        }
    }

    /**
     * Whether the digit run [start, end) is part of a hash-like hex string: a run of at least 24 hex characters
     * with a letter in it (SHA-256 digests, HMACs and ciphertext shown as hex).
     */
    private static boolean insideHex(String line, int start, int end) {
        int left = start;
        while (left > 0 && isHex(line.charAt(left - 1))) {
            left--;
        }
        int right = end;
        while (right < line.length() && isHex(line.charAt(right))) {
            right++;
        }
        return (left < start || right > end) && right - left >= 24;
    }

    /**
     * Whether the digit run [start, end) is part of a word, e.g. a hex key identifier such as a KSN
     * ({@code A600000400000001}): a card number in text stands apart from letters.
     */
    private static boolean gluedToLetters(String line, int start, int end) {
        return (start > 0 && Character.isLetter(line.charAt(start - 1)))
                || (end < line.length() && Character.isLetter(line.charAt(end)));
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static String asciiHex(String pan) {
        return HexFormat.of().formatHex(pan.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    static String mask(String pan) {
        return pan.substring(0, 6) + "*".repeat(pan.length() - 10) + pan.substring(pan.length() - 4);
    }
}

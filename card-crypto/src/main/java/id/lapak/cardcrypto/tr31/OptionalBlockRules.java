package id.lapak.cardcrypto.tr31;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What ANSI X9.143:2021 (6.3.6) allows in the data of each optional block Lapak knows; anything else is refused
 * with a message naming the block. Blocks without a rule here (labels {@code LB}, padding {@code PB}, flags
 * {@code FL}, proprietary blocks whose ID starts with a digit, ...) need only printable ASCII.
 */
final class OptionalBlockRules {

    private static final Pattern HEX = Pattern.compile("[0-9A-F]*");
    private static final Set<String> HMAC_HASHES =
            Set.of("10", "20", "21", "22", "23", "24", "25", "30", "31", "32", "33", "40", "41");
    private static final Pattern TIME_PLAIN = Pattern.compile("\\d{14}(\\d{2})?Z");
    private static final Pattern TIME_DELIMITED =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{2})?Z");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");

    private OptionalBlockRules() {}

    /** Throws {@link IllegalArgumentException} naming the block when its data breaks the block's rule. */
    static void check(String id, String data) {
        String problem = switch (id) {
            case "AL" -> data.matches("010[01]") ? null : "is 01 followed by 00 (ephemeral) or 01 (static)";
            case "BI" ->
                data.matches("00[0-9A-F]{10}|01[0-9A-F]{8}")
                        ? null
                        : "is 00 and a 10-digit key set ID, or 01 and an 8-digit BDK ID, in hexadecimal";
            case "CT" -> certificate(data);
            case "DA" ->
                data.matches("01([0-9A-Za-z]{5})+")
                        ? null
                        : "is 01 followed by groups of five letters or digits (usage, algorithm, mode, exportability)";
            case "HM" -> HMAC_HASHES.contains(data) ? null : "names a hash algorithm: 10, 20-25, 30-33, 40 or 41";
            case "IK" -> data.matches("[0-9A-F]{16}") ? null : "is 16 hexadecimal digits";
            case "KC", "KP", "PK" ->
                data.matches("00([0-9A-F]{2}){1,3}|01([0-9A-F]{2}){1,5}")
                        ? null
                        : "is 00 and a legacy check value of up to 6 digits, or 01 and a CMAC check value of up to 10, "
                                + "in hexadecimal";
            case "KS" ->
                HEX.matcher(data).matches() && data.length() % 2 == 0 && data.length() >= 10 && data.length() <= 24
                        ? null
                        : "is a key serial number of 10 to 24 hexadecimal digits";
            case "TC", "TS" -> time(data);
            case "WP" -> data.matches("00[0-3]") ? null : "is 00 followed by a pedigree digit 0-3";
            default -> null;
        };
        if (problem != null) {
            throw new IllegalArgumentException("optional block " + id + " " + problem);
        }
    }

    /** {@code 00} X.509 or {@code 01} EMV followed by the certificate, or {@code 02} and a chain of such entries. */
    private static String certificate(String data) {
        if (data.length() < 3) {
            return "holds a certificate format (00, 01 or 02) and a certificate";
        }
        String format = data.substring(0, 2);
        String body = data.substring(2);
        return switch (format) {
            case "00", "01" -> certificateBody(format, body);
            case "02" -> chain(body);
            default -> "starts with a certificate format 00 (X.509), 01 (EMV) or 02 (chain), not " + format;
        };
    }

    private static String certificateBody(String format, String body) {
        boolean valid = "00".equals(format)
                ? BASE64.matcher(body).matches() && body.length() % 4 == 0
                : HEX.matcher(body).matches() && body.length() % 2 == 0;
        return valid
                ? null
                : "00".equals(format)
                        ? "holds an X.509 certificate in base64"
                        : "holds an EMV certificate in hexadecimal";
    }

    private static String chain(String body) {
        int position = 0;
        int entries = 0;
        while (position < body.length()) {
            if (position + 6 > body.length()) {
                return "chain entry " + (entries + 1) + " is cut short";
            }
            String format = body.substring(position, position + 2);
            String length = body.substring(position + 2, position + 6);
            if (!HEX.matcher(length).matches() || !("00".equals(format) || "01".equals(format))) {
                return "chain entry " + (entries + 1) + " needs a format 00 or 01 and a 4-digit hexadecimal length";
            }
            int end = position + 6 + Integer.parseInt(length, 16);
            if (end > body.length() || end == position + 6) {
                return "chain entry " + (entries + 1) + " has an impossible length";
            }
            String problem = certificateBody(format, body.substring(position + 6, end));
            if (problem != null) {
                return "chain entry " + (entries + 1) + " " + problem;
            }
            position = end;
            entries++;
        }
        return entries == 0 ? "holds an empty certificate chain" : null;
    }

    private static String time(String data) {
        String pattern;
        if (TIME_PLAIN.matcher(data).matches()) {
            pattern = "uuuuMMddHHmmss";
        } else if (TIME_DELIMITED.matcher(data).matches()) {
            pattern = "uuuu-MM-dd'T'HH:mm:ss";
        } else {
            return "is a UTC time stamp such as 20200818221218Z or 2020-08-18T22:12:18Z";
        }
        String seconds = data.substring(0, pattern.length() - (pattern.contains("'T'") ? 2 : 0));
        try {
            LocalDateTime.parse(seconds, DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT));
            return null;
        } catch (DateTimeException e) {
            return "holds a date or time that does not exist: " + data;
        }
    }
}

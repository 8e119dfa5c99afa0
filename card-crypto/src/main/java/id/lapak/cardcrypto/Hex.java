package id.lapak.cardcrypto;

import java.util.Arrays;
import java.util.HexFormat;

/** Hexadecimal in and out: any case in, uppercase out; errors never repeat the input, which may be a key. */
public final class Hex {

    private static final HexFormat UPPER = HexFormat.of().withUpperCase();

    private Hex() {}

    public static String encode(byte[] bytes) {
        return UPPER.formatHex(bytes);
    }

    /** @param what names the value in the error message, e.g. "BDK" */
    public static byte[] decode(String hex, String what) {
        if (hex == null || hex.isEmpty()) {
            throw new IllegalArgumentException(what + " is missing");
        }
        if ((hex.length() & 1) != 0) {
            throw new IllegalArgumentException(what + " must have an even number of hex digits, got " + hex.length());
        }
        for (int i = 0; i < hex.length(); i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) {
                throw new IllegalArgumentException(what + " is not hexadecimal (position " + (i + 1) + ")");
            }
        }
        return HexFormat.of().parseHex(hex);
    }

    /** As {@link #decode(String, String)}, and exactly {@code bytes} long. */
    public static byte[] decode(String hex, String what, int bytes) {
        byte[] value = decode(hex, what);
        if (value.length != bytes) {
            int length = value.length;
            Arrays.fill(value, (byte) 0);
            throw new IllegalArgumentException(what + " must be " + bytes * 2 + " hex digits, got " + length * 2);
        }
        return value;
    }
}

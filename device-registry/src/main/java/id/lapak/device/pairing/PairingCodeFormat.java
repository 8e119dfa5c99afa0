package id.lapak.device.pairing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Locale;

/** 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L): easy to read aloud and type on a phone. */
final class PairingCodeFormat {

    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PairingCodeFormat() {}

    static String generate() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** Upper case, without spaces or dashes; null when it cannot be a code at all. */
    static String normalize(String typed) {
        if (typed == null) {
            return null;
        }
        String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH) {
            return null;
        }
        for (char c : code.toCharArray()) {
            if (ALPHABET.indexOf(c) < 0) {
                return null;
            }
        }
        return code;
    }

    static byte[] hash(String normalizedCode) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(normalizedCode.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Shown as two groups of four, e.g. {@code K7M2-PQ9X}. */
    static String display(String code) {
        return code.substring(0, 4) + "-" + code.substring(4);
    }
}

package id.lapak.device.keys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.UUID;

/**
 * The layout of initial key IDs and KSNs (docs/device-api.md, "Reader keys"):
 *
 * <ul>
 *   <li><b>BDK ID</b> (4 bytes): the leftmost 4 bytes of SHA-256 over the ASCII of
 *       {@code "lapak bdk id|" + tenantId + "|" + algorithm + "|" + version}, with its first hex digit replaced by
 *       A + (digit mod 6), and so is its last hex digit, so no initial key ID or KSN holds 13 decimal digits in a
 *       row (the shortest card number; such a run could pass the Luhn check in a data-loss scan). A KSN names its BDK
 *       version; the database refuses two versions of one tenant and algorithm with the same ID.</li>
 *   <li><b>AES</b> initial key ID (8 bytes): BDK ID, then the device number (4 bytes, big-endian, 1 to 2^32-1).</li>
 *   <li><b>TDES</b> KSN (10 bytes): BDK ID as the key set ID (32 bits), the device number (27 bits, 1 to
 *       2^27-1), the transaction counter (21 bits, zero in the initial KSN).</li>
 * </ul>
 */
final class InitialKeyIds {

    static final int BDK_ID_LENGTH = 4;
    static final long AES_MAX_NUMBER = 0xFFFF_FFFFL;
    static final long TDES_MAX_NUMBER = (1L << 27) - 1;

    private InitialKeyIds() {}

    static byte[] bdkId(UUID tenantId, ReaderKeyAlgorithm algorithm, int version) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("lapak bdk id|" + tenantId + "|" + algorithm + "|" + version)
                            .getBytes(StandardCharsets.US_ASCII));
            byte[] id = Arrays.copyOf(digest, BDK_ID_LENGTH);
            // The first hex digit is a letter (A-F), so no initial key ID or KSN is ever all decimal digits: such a
            // string can pass the Luhn check and look like a card number to a data-loss scan of logs or a dump.
            id[0] = (byte) (((0xA + ((id[0] >>> 4) & 0x0F) % 6) << 4) | (id[0] & 0x0F));
            // The last hex digit is a letter too: the device number and counter that follow are at most 12 hex
            // digits, so no identifier holds a run of 13 or more decimal digits, the shortest a card number has.
            int last = BDK_ID_LENGTH - 1;
            id[last] = (byte) ((id[last] & 0xF0) | (0xA + (id[last] & 0x0F) % 6));
            return id;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static long maxNumber(ReaderKeyAlgorithm algorithm) {
        return algorithm == ReaderKeyAlgorithm.AES128 ? AES_MAX_NUMBER : TDES_MAX_NUMBER;
    }

    /** The AES initial key ID or the TDES initial KSN of device number {@code number} under a BDK. */
    static byte[] of(ReaderKeyAlgorithm algorithm, byte[] bdkId, long number) {
        if (number < 1 || number > maxNumber(algorithm)) {
            throw new IllegalArgumentException("device number out of range for " + algorithm);
        }
        if (algorithm == ReaderKeyAlgorithm.AES128) {
            return ByteBuffer.allocate(8).put(bdkId).putInt((int) number).array();
        }
        long rest = number << 21;
        ByteBuffer ksn = ByteBuffer.allocate(10).put(bdkId);
        for (int shift = 40; shift >= 0; shift -= 8) {
            ksn.put((byte) (rest >>> shift));
        }
        return ksn.array();
    }
}

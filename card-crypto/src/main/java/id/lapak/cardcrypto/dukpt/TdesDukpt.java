package id.lapak.cardcrypto.dukpt;

import id.lapak.cardcrypto.BlockCiphers;
import id.lapak.cardcrypto.KeyBytes;
import java.util.Arrays;

/**
 * TDES DUKPT as ANSI X9.24-1:2009 defines it, for double-length (16-byte) keys.
 *
 * <ol>
 *   <li>Initial key (IPEK) from the BDK and the KSN with its 21 counter bits cleared.</li>
 *   <li>Transaction ("future") key: from the initial key, one non-reversible key generation step for each one-bit
 *       of the counter, highest first, with that bit added to the KSN register.</li>
 *   <li>Working key: the transaction key XOR the usage's variant; the data key is then encrypted with itself, half
 *       by half (the one-way step of X9.24-1:2009).</li>
 * </ol>
 */
public final class TdesDukpt {

    private static final long KEY_MASK_HALF = 0xC0C0C0C000000000L;
    private static final int COUNTER_MASK = (1 << TdesKsn.COUNTER_BITS) - 1;

    private TdesDukpt() {}

    /** The initial PIN encryption key (IPEK) for the reader whose KSN this is; the counter is ignored. */
    public static KeyBytes initialKey(KeyBytes bdk, TdesKsn ksn) {
        requireDoubleLength(bdk, "BDK");
        byte[] k = bdk.toByteArray();
        byte[] register = Arrays.copyOf(ksn.initial().toByteArray(), 8);
        byte[] ipek = new byte[16];
        try {
            BlockCiphers.tdesEncryptBlock(k, register, 0, ipek, 0);
            for (int i = 0; i < 16; i++) {
                k[i] ^= (byte) (KEY_MASK_HALF >>> (56 - 8 * (i % 8)));
            }
            BlockCiphers.tdesEncryptBlock(k, register, 0, ipek, 8);
            return KeyBytes.wrap(ipek);
        } finally {
            Arrays.fill(k, (byte) 0);
        }
    }

    /** The transaction key for the KSN's counter, before any usage variant. */
    public static KeyBytes transactionKey(KeyBytes initialKey, TdesKsn ksn) {
        requireDoubleLength(initialKey, "initial key");
        Counters.checkUsable(ksn.counter(), TdesKsn.COUNTER_BITS, TdesKsn.MAX_ONE_BITS, "TDES KSN");
        byte[] ik = initialKey.toByteArray();
        long left = getLong(ik, 0);
        long right = getLong(ik, 8);
        Arrays.fill(ik, (byte) 0);

        byte[] ksnBytes = ksn.toByteArray();
        long register = getLong(ksnBytes, 2) & ~(long) COUNTER_MASK;
        int counter = ksn.counter();
        byte[] keyHalf = new byte[8];
        byte[] block = new byte[8];
        try {
            for (int bit = 1 << (TdesKsn.COUNTER_BITS - 1); bit != 0; bit >>>= 1) {
                if ((counter & bit) == 0) {
                    continue;
                }
                register |= bit;
                // Non-reversible key generation process: the right half under the key, the left under key XOR C0C0..
                long newRight = oneWay(left, right, register, keyHalf, block);
                long newLeft = oneWay(left ^ KEY_MASK_HALF, right ^ KEY_MASK_HALF, register, keyHalf, block);
                left = newLeft;
                right = newRight;
            }
            byte[] key = new byte[16];
            putLong(key, 0, left);
            putLong(key, 8, right);
            return KeyBytes.wrap(key);
        } finally {
            Arrays.fill(keyHalf, (byte) 0);
            Arrays.fill(block, (byte) 0);
        }
    }

    /** The working key for one usage at the KSN's counter. */
    public static KeyBytes workingKey(KeyBytes initialKey, TdesKsn ksn, TdesKeyUsage usage) {
        try (KeyBytes transactionKey = transactionKey(initialKey, ksn)) {
            return variant(transactionKey, usage);
        }
    }

    /** As {@link #workingKey(KeyBytes, TdesKsn, TdesKeyUsage)}, from the BDK (what a host holds). */
    public static KeyBytes workingKeyFromBdk(KeyBytes bdk, TdesKsn ksn, TdesKeyUsage usage) {
        try (KeyBytes initialKey = initialKey(bdk, ksn)) {
            return workingKey(initialKey, ksn, usage);
        }
    }

    /** The usage's variant of a transaction key, with the one-way step for the data key. */
    public static KeyBytes variant(KeyBytes transactionKey, TdesKeyUsage usage) {
        requireDoubleLength(transactionKey, "transaction key");
        byte[] key = transactionKey.toByteArray();
        for (int i = 0; i < 16; i++) {
            key[i] ^= (byte) (usage.halfVariant() >>> (56 - 8 * (i % 8)));
        }
        if (usage != TdesKeyUsage.DATA_REQUEST) {
            return KeyBytes.wrap(key);
        }
        byte[] dataKey = new byte[16];
        try {
            BlockCiphers.tdesEncryptBlock(key, key, 0, dataKey, 0);
            BlockCiphers.tdesEncryptBlock(key, key, 8, dataKey, 8);
            return KeyBytes.wrap(dataKey);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static long oneWay(long keyLeft, long keyRight, long register, byte[] keyHalf, byte[] block) {
        putLong(keyHalf, 0, keyLeft);
        putLong(block, 0, register ^ keyRight);
        BlockCiphers.desEncryptBlock(keyHalf, block, 0, block, 0);
        return getLong(block, 0) ^ keyRight;
    }

    private static void requireDoubleLength(KeyBytes key, String what) {
        if (key.length() != 16) {
            throw new IllegalArgumentException(
                    "the " + what + " must be a double-length TDES key (16 bytes), got " + key.length());
        }
    }

    static long getLong(byte[] bytes, int offset) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (bytes[offset + i] & 0xFF);
        }
        return value;
    }

    static void putLong(byte[] bytes, int offset, long value) {
        for (int i = 7; i >= 0; i--) {
            bytes[offset + i] = (byte) value;
            value >>>= 8;
        }
    }
}

package id.lapak.cardcrypto.dukpt;

import id.lapak.cardcrypto.BlockCiphers;
import id.lapak.cardcrypto.KeyBytes;
import java.util.Arrays;

/**
 * AES DUKPT as ANSI X9.24-3-2017 defines it. Every key is derived with AES-ECB under its parent key over 16 bytes
 * of derivation data:
 *
 * <pre>
 *  0     version 01
 *  1     key block counter (01, 02 for keys longer than 128 bits)
 *  2-3   key usage indicator (8001 initial key, 8000 intermediate derivation key, 1000 PIN, ...)
 *  4-5   algorithm indicator of the derived key (0002 AES-128, ...)
 *  6-7   length of the derived key in bits
 *  8-15  initial key: the initial key ID; otherwise its rightmost 4 bytes and the 4-byte counter
 * </pre>
 *
 * The intermediate derivation key for a counter walks its one-bits from the highest, one derivation per bit; the
 * working key is one more derivation under it. With at most 16 one-bits an AES-128 working key costs 17 AES block
 * operations, which {@link BlockCiphers} runs on a per-thread re-keyed cipher.
 */
public final class AesDukpt {

    private AesDukpt() {}

    /** The initial key of the reader with this initial key ID; same type as the BDK (AES-128, -192 or -256). */
    public static KeyBytes initialKey(KeyBytes bdk, byte[] initialKeyId) {
        if (initialKeyId.length != AesKsn.INITIAL_KEY_ID_LENGTH) {
            throw new IllegalArgumentException("an AES DUKPT initial key ID is 8 bytes, got " + initialKeyId.length);
        }
        AesKeyType type = AesKeyType.aesOfLength(bdk.length());
        byte[] data = new byte[16];
        header(data, AesKeyUsage.KEY_DERIVATION_INITIAL, type);
        System.arraycopy(initialKeyId, 0, data, 8, 8);
        byte[] k = bdk.toByteArray();
        try {
            return KeyBytes.wrap(derive(k, data, type));
        } finally {
            Arrays.fill(k, (byte) 0);
        }
    }

    /** The intermediate derivation key for the KSN's counter (the "current derivation key" of X9.24-3). */
    public static KeyBytes derivationKey(KeyBytes initialKey, AesKsn ksn) {
        Counters.checkUsable(ksn.counter(), AesKsn.COUNTER_BITS, AesKsn.MAX_ONE_BITS, "AES KSN");
        return KeyBytes.wrap(walk(initialKey, ksn));
    }

    /**
     * The working key for one usage at the KSN's counter. X9.24-3 does not derive a key stronger than its
     * derivation key, so the working key type is at most as long as the initial key.
     */
    public static KeyBytes workingKey(KeyBytes initialKey, AesKsn ksn, AesKeyUsage usage, AesKeyType workingKeyType) {
        Counters.checkUsable(ksn.counter(), AesKsn.COUNTER_BITS, AesKsn.MAX_ONE_BITS, "AES KSN");
        if (workingKeyType.bits() > initialKey.length() * 8) {
            throw new IllegalArgumentException("a " + workingKeyType + " working key cannot come from a "
                    + initialKey.length() * 8 + "-bit initial key");
        }
        byte[] derivationKey = walk(initialKey, ksn);
        byte[] data = new byte[16];
        header(data, usage.indicator(), workingKeyType);
        tail(data, ksn, ksn.counter());
        try {
            return KeyBytes.wrap(derive(derivationKey, data, workingKeyType));
        } finally {
            Arrays.fill(derivationKey, (byte) 0);
        }
    }

    /** As {@link #workingKey}, from the BDK (what a host holds). */
    public static KeyBytes workingKeyFromBdk(KeyBytes bdk, AesKsn ksn, AesKeyUsage usage, AesKeyType workingKeyType) {
        try (KeyBytes initialKey = initialKey(bdk, ksn.initialKeyId())) {
            return workingKey(initialKey, ksn, usage, workingKeyType);
        }
    }

    private static byte[] walk(KeyBytes initialKey, AesKsn ksn) {
        AesKeyType type = AesKeyType.aesOfLength(initialKey.length());
        long counter = ksn.counter();
        byte[] key = initialKey.toByteArray();
        byte[] data = new byte[16];
        header(data, AesKeyUsage.KEY_DERIVATION, type);
        byte[] ksnBytes = ksn.toByteArray();
        System.arraycopy(ksnBytes, 4, data, 8, 4);
        long working = 0;
        for (long mask = 1L << (AesKsn.COUNTER_BITS - 1); mask != 0; mask >>>= 1) {
            if ((counter & mask) == 0) {
                continue;
            }
            working |= mask;
            data[1] = 1;
            putCounter(data, working);
            byte[] next = derive(key, data, type);
            Arrays.fill(key, (byte) 0);
            key = next;
        }
        return key;
    }

    private static byte[] derive(byte[] key, byte[] data, AesKeyType type) {
        int length = type.bytes();
        int blocks = (length + 15) / 16;
        if (blocks == 1) {
            data[1] = 1;
            byte[] out = new byte[16];
            BlockCiphers.aesEncryptBlock(key, data, 0, out, 0);
            return out;
        }
        byte[] in = new byte[16 * blocks];
        for (int b = 0; b < blocks; b++) {
            System.arraycopy(data, 0, in, 16 * b, 16);
            in[16 * b + 1] = (byte) (b + 1);
        }
        byte[] out = new byte[16 * blocks];
        BlockCiphers.aesEncryptBlocks(key, in, 0, blocks, out, 0);
        byte[] result = Arrays.copyOf(out, length);
        Arrays.fill(out, (byte) 0);
        return result;
    }

    private static void header(byte[] data, int usage, AesKeyType type) {
        data[0] = 0x01;
        data[1] = 0x01;
        data[2] = (byte) (usage >>> 8);
        data[3] = (byte) usage;
        data[4] = (byte) (type.algorithmIndicator() >>> 8);
        data[5] = (byte) type.algorithmIndicator();
        data[6] = (byte) (type.bits() >>> 8);
        data[7] = (byte) type.bits();
    }

    private static void tail(byte[] data, AesKsn ksn, long counter) {
        byte[] ksnBytes = ksn.toByteArray();
        System.arraycopy(ksnBytes, 4, data, 8, 4);
        putCounter(data, counter);
    }

    private static void putCounter(byte[] data, long counter) {
        data[12] = (byte) (counter >>> 24);
        data[13] = (byte) (counter >>> 16);
        data[14] = (byte) (counter >>> 8);
        data[15] = (byte) counter;
    }
}

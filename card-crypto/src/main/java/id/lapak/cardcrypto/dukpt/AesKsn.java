package id.lapak.cardcrypto.dukpt;

import id.lapak.cardcrypto.Hex;
import java.util.Arrays;

/**
 * An AES DUKPT key serial number (X9.24-3-2017): the 8-byte initial key ID (BDK ID and derivation ID) and a
 * 32-bit transaction counter, 12 bytes in all. A counter may have at most 16 one-bits.
 */
public final class AesKsn {

    public static final int LENGTH = 12;
    public static final int INITIAL_KEY_ID_LENGTH = 8;
    public static final int COUNTER_BITS = 32;
    public static final int MAX_ONE_BITS = 16;
    /** The highest counter with at most 16 one-bits. */
    public static final long MAX_COUNTER = 0xFFFF0000L;

    private final byte[] initialKeyId;
    private final long counter;

    private AesKsn(byte[] initialKeyId, long counter) {
        this.initialKeyId = initialKeyId;
        this.counter = counter;
    }

    public static AesKsn of(byte[] initialKeyId, long counter) {
        if (initialKeyId.length != INITIAL_KEY_ID_LENGTH) {
            throw new IllegalArgumentException("an AES DUKPT initial key ID is 8 bytes, got " + initialKeyId.length);
        }
        if (counter < 0 || counter >>> COUNTER_BITS != 0) {
            throw new IllegalArgumentException("an AES DUKPT counter is 32 bits");
        }
        return new AesKsn(initialKeyId.clone(), counter);
    }

    public static AesKsn of(byte[] ksn) {
        if (ksn.length != LENGTH) {
            throw new IllegalArgumentException("an AES DUKPT KSN is 12 bytes, got " + ksn.length);
        }
        long counter = ((ksn[8] & 0xFFL) << 24) | ((ksn[9] & 0xFF) << 16) | ((ksn[10] & 0xFF) << 8) | (ksn[11] & 0xFF);
        return new AesKsn(Arrays.copyOf(ksn, INITIAL_KEY_ID_LENGTH), counter);
    }

    public static AesKsn fromHex(String hex) {
        return of(Hex.decode(hex, "AES KSN", LENGTH));
    }

    public byte[] initialKeyId() {
        return initialKeyId.clone();
    }

    /** The counter as an unsigned 32-bit value. */
    public long counter() {
        return counter;
    }

    public AesKsn withCounter(long newCounter) {
        return of(initialKeyId, newCounter);
    }

    /** The KSN a reader uses next, skipping counters with more than 16 one-bits. */
    public AesKsn next() {
        return new AesKsn(initialKeyId, Counters.next(counter, COUNTER_BITS, MAX_ONE_BITS, "AES KSN"));
    }

    public boolean usableForTransaction() {
        return counter != 0 && Long.bitCount(counter) <= MAX_ONE_BITS;
    }

    public byte[] toByteArray() {
        byte[] ksn = Arrays.copyOf(initialKeyId, LENGTH);
        ksn[8] = (byte) (counter >>> 24);
        ksn[9] = (byte) (counter >>> 16);
        ksn[10] = (byte) (counter >>> 8);
        ksn[11] = (byte) counter;
        return ksn;
    }

    public String toHex() {
        return Hex.encode(toByteArray());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AesKsn ksn && counter == ksn.counter && Arrays.equals(initialKeyId, ksn.initialKeyId);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(initialKeyId) + Long.hashCode(counter);
    }

    /** A KSN is not secret. */
    @Override
    public String toString() {
        return "AesKsn[" + toHex() + "]";
    }
}

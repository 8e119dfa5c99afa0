package id.lapak.cardcrypto.dukpt;

import id.lapak.cardcrypto.Hex;
import java.util.Arrays;

/**
 * A TDES DUKPT key serial number (X9.24-1:2009): 10 bytes, the initial key serial number in the leftmost 59 bits and
 * the transaction counter in the rightmost 21. A counter may have at most 10 one-bits.
 */
public final class TdesKsn {

    public static final int LENGTH = 10;
    public static final int COUNTER_BITS = 21;
    public static final int MAX_ONE_BITS = 10;
    /** The highest counter with at most 10 one-bits: {@code 1FF800}. */
    public static final int MAX_COUNTER = 0x1FF800;

    private final byte[] bytes;

    private TdesKsn(byte[] bytes) {
        this.bytes = bytes;
    }

    public static TdesKsn of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a TDES KSN is 10 bytes, got " + bytes.length);
        }
        return new TdesKsn(bytes.clone());
    }

    public static TdesKsn fromHex(String hex) {
        return new TdesKsn(Hex.decode(hex, "TDES KSN", LENGTH));
    }

    public int counter() {
        return ((bytes[7] & 0x1F) << 16) | ((bytes[8] & 0xFF) << 8) | (bytes[9] & 0xFF);
    }

    /** This KSN with its counter set to zero: what the initial key is derived from. */
    public TdesKsn initial() {
        return withCounter(0);
    }

    public TdesKsn withCounter(int counter) {
        if (counter >>> COUNTER_BITS != 0) {
            throw new IllegalArgumentException("a TDES KSN counter is 21 bits");
        }
        byte[] copy = bytes.clone();
        copy[7] = (byte) ((copy[7] & 0xE0) | (counter >>> 16));
        copy[8] = (byte) (counter >>> 8);
        copy[9] = (byte) counter;
        return new TdesKsn(copy);
    }

    /** The KSN a reader uses next, skipping counters with more than 10 one-bits. */
    public TdesKsn next() {
        return withCounter((int) Counters.next(counter(), COUNTER_BITS, MAX_ONE_BITS, "TDES KSN"));
    }

    /** True if a reader can run a transaction under this KSN. */
    public boolean usableForTransaction() {
        int counter = counter();
        return counter != 0 && Integer.bitCount(counter) <= MAX_ONE_BITS;
    }

    public byte[] toByteArray() {
        return bytes.clone();
    }

    public String toHex() {
        return Hex.encode(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TdesKsn ksn && Arrays.equals(bytes, ksn.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** A KSN is not secret. */
    @Override
    public String toString() {
        return "TdesKsn[" + toHex() + "]";
    }
}

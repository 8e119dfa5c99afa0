package id.lapak.cardcrypto;

import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * Clear key bytes held by this process, with a way to wipe them. {@link #toString()} shows only the length, so a
 * key that ends up in a log line or an exception message gives nothing away.
 */
public final class KeyBytes implements Destroyable, AutoCloseable {

    private final byte[] bytes;
    private volatile boolean destroyed;

    private KeyBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A copy of {@code bytes}; the caller still owns (and should wipe) its array. */
    public static KeyBytes copyOf(byte[] bytes) {
        if (bytes.length == 0) {
            throw new IllegalArgumentException("a key cannot be empty");
        }
        return new KeyBytes(bytes.clone());
    }

    /** Takes ownership of {@code bytes} without copying; for arrays nobody else holds. */
    public static KeyBytes wrap(byte[] bytes) {
        if (bytes.length == 0) {
            throw new IllegalArgumentException("a key cannot be empty");
        }
        return new KeyBytes(bytes);
    }

    /** @param what names the key in error messages, e.g. "KBPK" */
    public static KeyBytes fromHex(String hex, String what) {
        return new KeyBytes(Hex.decode(hex, what));
    }

    public int length() {
        return bytes.length;
    }

    /** A copy the caller owns and should wipe after use. */
    public byte[] toByteArray() {
        return live().clone();
    }

    /** Uppercase hex, for the places that must print a key (the operators' command line). */
    public String toHex() {
        return Hex.encode(live());
    }

    @Override
    public void destroy() {
        Arrays.fill(bytes, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public void close() {
        destroy();
    }

    @Override
    public String toString() {
        return destroyed ? "KeyBytes[destroyed]" : "KeyBytes[" + bytes.length + " bytes]";
    }

    private byte[] live() {
        if (destroyed) {
            throw new IllegalStateException("key has been destroyed");
        }
        return bytes;
    }
}

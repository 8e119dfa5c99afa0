package id.lapak.cardcrypto.tr31;

import id.lapak.cardcrypto.KeyBytes;

/** A key taken out of a key block, with the header that says what it may be used for. */
public record UnwrappedKey(KeyBlockHeader header, KeyBytes key) implements AutoCloseable {

    @Override
    public void close() {
        key.destroy();
    }

    /** The header and the key's length only, see {@link KeyBytes#toString()}. */
    @Override
    public String toString() {
        return "UnwrappedKey[" + header + ", " + key + "]";
    }
}

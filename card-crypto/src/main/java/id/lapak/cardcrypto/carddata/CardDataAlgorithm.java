package id.lapak.cardcrypto.carddata;

/** The block cipher that encrypts card data, matching the DUKPT variant of the reader's key. */
public enum CardDataAlgorithm {

    /** AES-128-CBC under the AES DUKPT data-encryption key (16-byte key, 16-byte IV). */
    AES128(16, 16),
    /** TDES-CBC (EDE) under the TDES DUKPT data-request key (16-byte double-length key, 8-byte IV). */
    TDES(16, 8);

    private final int keyLength;
    private final int blockSize;

    CardDataAlgorithm(int keyLength, int blockSize) {
        this.keyLength = keyLength;
        this.blockSize = blockSize;
    }

    /** The data key length in bytes. */
    public int keyLength() {
        return keyLength;
    }

    /** The cipher's block size in bytes, which is also the IV length. */
    public int blockSize() {
        return blockSize;
    }
}

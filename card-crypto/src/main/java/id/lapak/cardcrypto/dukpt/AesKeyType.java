package id.lapak.cardcrypto.dukpt;

/** Key types of X9.24-3-2017 with their algorithm indicator and length in bits, as they go into derivation data. */
public enum AesKeyType {
    TDEA2(0x0000, 128),
    TDEA3(0x0001, 192),
    AES128(0x0002, 128),
    AES192(0x0003, 192),
    AES256(0x0004, 256);

    private final int algorithmIndicator;
    private final int bits;

    AesKeyType(int algorithmIndicator, int bits) {
        this.algorithmIndicator = algorithmIndicator;
        this.bits = bits;
    }

    public int algorithmIndicator() {
        return algorithmIndicator;
    }

    public int bits() {
        return bits;
    }

    public int bytes() {
        return bits / 8;
    }

    public boolean isAes() {
        return this == AES128 || this == AES192 || this == AES256;
    }

    /** The AES type of a BDK, initial key or derivation key, from its length. */
    public static AesKeyType aesOfLength(int bytes) {
        return switch (bytes) {
            case 16 -> AES128;
            case 24 -> AES192;
            case 32 -> AES256;
            default -> throw new IllegalArgumentException("an AES DUKPT key is 16, 24 or 32 bytes, got " + bytes);
        };
    }
}

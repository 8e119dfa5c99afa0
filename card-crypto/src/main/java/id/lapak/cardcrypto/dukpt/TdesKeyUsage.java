package id.lapak.cardcrypto.dukpt;

/**
 * What a TDES DUKPT working key is for: each usage XORs the transaction key with its variant constant
 * (X9.24-1:2009); the data key then goes through the one-way step.
 */
public enum TdesKeyUsage {
    PIN(0x00000000000000FFL),
    MAC_REQUEST(0x000000000000FF00L),
    DATA_REQUEST(0x0000000000FF0000L);

    private final long halfVariant;

    TdesKeyUsage(long halfVariant) {
        this.halfVariant = halfVariant;
    }

    /** The variant for each 8-byte half of the key (the full constant repeats it, e.g. {@code 00..FF00..FF}). */
    long halfVariant() {
        return halfVariant;
    }
}

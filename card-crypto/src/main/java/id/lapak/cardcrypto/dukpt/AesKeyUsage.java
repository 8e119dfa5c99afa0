package id.lapak.cardcrypto.dukpt;

/** Working-key usages of X9.24-3-2017 and their key usage indicators. */
public enum AesKeyUsage {
    KEY_ENCRYPTION(0x0002),
    PIN_ENCRYPTION(0x1000),
    MAC_GENERATION(0x2000),
    MAC_VERIFICATION(0x2001),
    MAC_BOTH(0x2002),
    DATA_ENCRYPT(0x3000),
    DATA_DECRYPT(0x3001),
    DATA_BOTH(0x3002);

    /** Key derivation: the intermediate derivation keys. */
    static final int KEY_DERIVATION = 0x8000;
    /** Key derivation, initial key: the initial key from the BDK. */
    static final int KEY_DERIVATION_INITIAL = 0x8001;

    private final int indicator;

    AesKeyUsage(int indicator) {
        this.indicator = indicator;
    }

    public int indicator() {
        return indicator;
    }
}

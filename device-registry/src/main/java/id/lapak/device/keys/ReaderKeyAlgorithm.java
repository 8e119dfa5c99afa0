package id.lapak.device.keys;

/** The DUKPT families a reader can be keyed for: AES-128 (X9.24-3) and double-length TDES (X9.24-1). */
public enum ReaderKeyAlgorithm {
    AES128,
    TDES;

    /** The algorithm letter of a TR-31 key block header. */
    char keyBlockAlgorithm() {
        return this == AES128 ? 'A' : 'T';
    }
}

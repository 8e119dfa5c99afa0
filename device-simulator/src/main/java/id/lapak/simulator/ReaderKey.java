package id.lapak.simulator;

/**
 * The reader's DUKPT initial key as the home keeps it ({@code reader-key.json}, mode 0600): what a real reader
 * holds in its secure memory. {@code initialKey} is hex; {@link #toString()} leaves it out.
 *
 * @param initialKeyId AES: the 8-byte initial key ID; TDES: the 10-byte KSN with a zero counter (hex)
 */
public record ReaderKey(
        String algorithm,
        int bdkVersion,
        String initialKeyId,
        String kcv,
        String readerSerial,
        String deliveryId,
        String initialKey) {

    @Override
    public String toString() {
        return "ReaderKey[" + algorithm + ", BDK v" + bdkVersion + ", " + initialKeyId + ", KCV " + kcv + "]";
    }
}

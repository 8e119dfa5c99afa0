package id.lapak.device.keys;

import id.lapak.cardcrypto.KeyBytes;
import id.lapak.cardcrypto.dukpt.AesKeyUsage;
import id.lapak.cardcrypto.dukpt.AesKsn;
import id.lapak.cardcrypto.dukpt.TdesKeyUsage;
import id.lapak.cardcrypto.dukpt.TdesKsn;
import java.util.List;

/**
 * Where the current tenant's base derivation keys live. A BDK never leaves an implementation: callers get derived
 * keys (a reader's initial key, a transaction's working key), which they wipe after use. Today's implementation
 * keeps BDKs wrapped under a master key in the database; an HSM (PKCS#11) implementation can take its place.
 */
public interface ReaderKeyStore {

    /** The newest BDK version for the algorithm, created (version 1) on first use. */
    BdkVersion current(ReaderKeyAlgorithm algorithm, String actor);

    /** Creates the next BDK version; readers keyed under older versions keep working. */
    BdkVersion rotate(ReaderKeyAlgorithm algorithm, String actor);

    List<BdkVersion> versions(ReaderKeyAlgorithm algorithm);

    /**
     * The initial key of a reader.
     *
     * @param initialKeyId the 8-byte initial key ID (AES) or the 10-byte KSN with a zero counter (TDES)
     */
    KeyBytes initialKey(ReaderKeyAlgorithm algorithm, int bdkVersion, byte[] initialKeyId);

    /** The AES-128 working key for a transaction's KSN; the BDK is found by the BDK ID the KSN starts with. */
    KeyBytes deriveWorkingKey(AesKsn ksn, AesKeyUsage usage);

    /** The TDES working key for a transaction's KSN; the BDK is found by the key set ID the KSN starts with. */
    KeyBytes deriveWorkingKey(TdesKsn ksn, TdesKeyUsage usage);

    /**
     * HMAC-SHA256 of a card number (ASCII digits) under the current tenant's card fingerprint key, so a returning
     * card can be recognised without storing its number. The key is derived inside the store and never handed out;
     * the same PAN gives the same fingerprint on every node and a different one in every other tenant.
     */
    byte[] cardFingerprint(byte[] pan);
}

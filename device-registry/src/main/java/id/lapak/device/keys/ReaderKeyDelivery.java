package id.lapak.device.keys;

import java.time.Instant;
import java.util.UUID;

/**
 * What a device receives for its reader: the initial key in a TR-31 version D block under a key block protection
 * key only the device can derive (its private key, {@code serverPublicKey}, {@code salt}), and the public facts.
 *
 * @param initialKeyId    AES: the 8-byte initial key ID; TDES: the 10-byte KSN with a zero counter (hex)
 * @param kcv             check value of the initial key (hex): AES CMAC 5 bytes, TDES legacy 3 bytes
 * @param serverPublicKey base64 DER SubjectPublicKeyInfo of the server's one-time EC P-256 key
 * @param salt            base64 of the 32-byte HKDF salt
 */
public record ReaderKeyDelivery(
        UUID deliveryId,
        ReaderKeyAlgorithm algorithm,
        int bdkVersion,
        String initialKeyId,
        String kcv,
        String keyBlock,
        String serverPublicKey,
        String salt,
        Instant injectedAt) {}

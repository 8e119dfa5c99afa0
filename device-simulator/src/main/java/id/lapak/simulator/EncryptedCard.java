package id.lapak.simulator;

/**
 * Card data as the reader sends it for a payment: the algorithm ({@code AES128} or {@code TDES}), the KSN (hex)
 * whose data-encryption key encrypted it, and the IV and ciphertext in base64. It never holds the PAN in the clear.
 */
public record EncryptedCard(String algorithm, String ksn, String iv, String ciphertext) {}

package id.lapak.cardcrypto.carddata;

import java.util.Base64;

/**
 * Encrypted card data: the algorithm, the random IV sent alongside and the ciphertext. Neither is secret, so the
 * record's text form shows them in base64.
 */
public record EncryptedCardData(CardDataAlgorithm algorithm, byte[] iv, byte[] ciphertext) {

    public EncryptedCardData {
        if (algorithm == null || iv == null || ciphertext == null) {
            throw new IllegalArgumentException("algorithm, IV and ciphertext are all required");
        }
        iv = iv.clone();
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] iv() {
        return iv.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    public String ivBase64() {
        return Base64.getEncoder().encodeToString(iv);
    }

    public String ciphertextBase64() {
        return Base64.getEncoder().encodeToString(ciphertext);
    }

    @Override
    public String toString() {
        return "EncryptedCardData[" + algorithm + ", iv=" + ivBase64() + ", ciphertext=" + ciphertextBase64() + "]";
    }
}

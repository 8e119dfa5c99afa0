package id.lapak.cardcrypto.tr31;

import id.lapak.cardcrypto.CardCryptoException;

/** A key block that is malformed, of an unsupported version, or whose MAC does not verify. */
public class InvalidKeyBlockException extends CardCryptoException {

    public InvalidKeyBlockException(String message) {
        super(message);
    }
}

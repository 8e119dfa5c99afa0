package id.lapak.cardcrypto.carddata;

import id.lapak.cardcrypto.CardCryptoException;

/**
 * Card data that cannot be encrypted or does not decrypt to a well-formed record. The message never carries the
 * card data, the plaintext or the key.
 */
public class CardDataException extends CardCryptoException {

    public CardDataException(String message) {
        super(message);
    }
}

package id.lapak.cardcrypto.dukpt;

import id.lapak.cardcrypto.CardCryptoException;

/** A key serial number no reader may use for a transaction (counter zero or with too many one-bits). */
public class InvalidKsnException extends CardCryptoException {

    public InvalidKsnException(String message) {
        super(message);
    }
}

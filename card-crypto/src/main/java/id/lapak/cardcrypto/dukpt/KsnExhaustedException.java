package id.lapak.cardcrypto.dukpt;

import id.lapak.cardcrypto.CardCryptoException;

/**
 * The reader has used its last valid transaction counter and needs a new initial key. The counter never wraps:
 * that would reuse transaction keys.
 */
public class KsnExhaustedException extends CardCryptoException {

    public KsnExhaustedException(String message) {
        super(message);
    }
}

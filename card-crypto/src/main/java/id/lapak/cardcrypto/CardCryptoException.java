package id.lapak.cardcrypto;

/**
 * Input that is well-formed for Java but not acceptable cryptographically (a KSN with too many counter bits, a key
 * block whose MAC does not verify). Messages never carry key material or the input that held it.
 */
public class CardCryptoException extends RuntimeException {

    public CardCryptoException(String message) {
        super(message);
    }
}

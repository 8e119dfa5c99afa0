package id.lapak.device.keys;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/** The HMAC both key stores compute for a card fingerprint. */
final class CardFingerprintKeys {

    private CardFingerprintKeys() {}

    static byte[] hmac(SecretKey key, byte[] pan) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(pan);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "the card fingerprint cannot be computed: " + e.getClass().getSimpleName());
        }
    }
}

package id.lapak.cardcrypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF with HMAC-SHA256 (RFC 5869): extract a pseudorandom key from input keying material (e.g. an ECDH shared
 * secret) and a salt, then expand it with {@code info} to the length asked for. Server and device derive the key
 * block protection key of a reader key delivery with it.
 */
public final class Hkdf {

    private static final String HMAC = "HmacSHA256";
    private static final int HASH_LENGTH = 32;

    private Hkdf() {}

    public static KeyBytes sha256(byte[] ikm, byte[] salt, byte[] info, int length) {
        if (length <= 0 || length > 255 * HASH_LENGTH) {
            throw new IllegalArgumentException("HKDF-SHA256 output is 1 to 8160 bytes");
        }
        byte[] prk = null;
        byte[] okm = new byte[length];
        byte[] block = new byte[0];
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(salt == null || salt.length == 0 ? new byte[HASH_LENGTH] : salt, HMAC));
            prk = mac.doFinal(ikm);
            mac.init(new SecretKeySpec(prk, HMAC));
            int done = 0;
            for (int i = 1; done < length; i++) {
                mac.update(block);
                mac.update(info);
                mac.update((byte) i);
                Arrays.fill(block, (byte) 0);
                block = mac.doFinal();
                int n = Math.min(block.length, length - done);
                System.arraycopy(block, 0, okm, done, n);
                done += n;
            }
            return KeyBytes.wrap(okm);
        } catch (GeneralSecurityException e) {
            Arrays.fill(okm, (byte) 0);
            throw new CardCryptoException("HKDF-SHA256 failed: " + e.getClass().getSimpleName());
        } finally {
            if (prk != null) {
                Arrays.fill(prk, (byte) 0);
            }
            Arrays.fill(block, (byte) 0);
        }
    }
}

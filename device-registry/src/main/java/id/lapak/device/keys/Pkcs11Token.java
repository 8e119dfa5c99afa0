package id.lapak.device.keys;

import id.lapak.cardcrypto.KeyBytes;
import id.lapak.cardcrypto.dukpt.AesDukpt;
import id.lapak.cardcrypto.dukpt.AesKeyType;
import id.lapak.cardcrypto.dukpt.AesKeyUsage;
import id.lapak.cardcrypto.dukpt.AesKsn;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * One PKCS#11 token reached through Java's SunPKCS11 provider. Secret keys it generates or imports are token
 * objects that are sensitive and not extractable (the provider's {@code attributes} configuration); they are
 * used only through {@code C_Encrypt} (AES-ECB) and never leave the token.
 */
final class Pkcs11Token {

    static final String PROVIDER_NAME = "lapak-bdk";

    /** Every secret key the provider makes or imports: sensitive, not extractable, usable only to encrypt. */
    private static final String ATTRIBUTES = """
            attributes(*, CKO_SECRET_KEY, *) = {
              CKA_SENSITIVE = true
              CKA_EXTRACTABLE = false
              CKA_ENCRYPT = true
              CKA_DECRYPT = false
              CKA_WRAP = false
              CKA_UNWRAP = false
            }
            """;

    private static final byte[] ZERO_BLOCK = new byte[16];
    /** X9.24-3 key usage indicator of an initial key. */
    private static final int INITIAL_KEY_USAGE = 0x8001;

    private final Provider provider;
    private final KeyStore store;

    private Pkcs11Token(Provider provider, KeyStore store) {
        this.provider = provider;
        this.store = store;
    }

    /** Opens the token in {@code slot} of {@code library} and logs in with {@code pin}. */
    static Pkcs11Token open(String library, long slot, String pin) {
        if (library == null || library.isBlank()) {
            throw new IllegalStateException("lapak.keys.pkcs11.library names no PKCS#11 library");
        }
        String config = "--name = " + PROVIDER_NAME + "\n"
                + "library = " + library + "\n"
                + "slot = " + slot + "\n"
                + ATTRIBUTES;
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw new IllegalStateException("the SunPKCS11 provider is missing from this Java runtime");
        }
        char[] pw = pin == null ? null : pin.toCharArray();
        try {
            Provider provider = base.configure(config);
            KeyStore store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, pw);
            return new Pkcs11Token(provider, store);
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "the PKCS#11 token in slot " + slot + " of " + library
                            + " cannot be opened (library, slot or PIN wrong?): " + e,
                    e);
        } finally {
            if (pw != null) {
                Arrays.fill(pw, '\0');
            }
        }
    }

    Provider provider() {
        return provider;
    }

    /** Generates an AES-128 key inside the token under {@code label}, unless the token already holds one there. */
    synchronized SecretKey generateAesIfAbsent(String label) {
        try {
            if (!store.containsAlias(label)) {
                generateAes(label);
            }
            return key(label);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the token cannot list its keys: " + e);
        }
    }

    /** Generates an AES-128 key inside the token and keeps it there under {@code label}. */
    synchronized void generateAes(String label) {
        try {
            if (store.containsAlias(label)) {
                throw new IllegalStateException("the token already holds a key labelled " + label);
            }
            KeyGenerator generator = KeyGenerator.getInstance("AES", provider);
            generator.init(128);
            SecretKey session = generator.generateKey();
            store.setEntry(label, new KeyStore.SecretKeyEntry(session), null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the token cannot generate an AES key: " + e);
        }
    }

    /**
     * Imports a known AES key as a sensitive, non-extractable token object (key ceremonies and tests); the caller
     * wipes {@code key}.
     */
    synchronized void importAes(String label, KeyBytes key) {
        byte[] clear = key.toByteArray();
        try {
            store.setEntry(label, new KeyStore.SecretKeyEntry(new SecretKeySpec(clear, "AES")), null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the token cannot import an AES key: " + e);
        } finally {
            Arrays.fill(clear, (byte) 0);
        }
    }

    /** The token's key object for {@code label}: a handle, never key material. */
    synchronized SecretKey key(String label) {
        try {
            Key key = store.getKey(label, null);
            if (!(key instanceof SecretKey secret)) {
                throw new IllegalStateException("the token holds no secret key labelled " + label);
            }
            return secret;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the token cannot find key " + label + ": " + e);
        }
    }

    /** AES-ECB encryption of whole blocks inside the token. */
    byte[] aesEncrypt(SecretKey key, byte[] blocks) {
        try {
            Cipher cipher = Cipher.getInstance("AES/ECB/NoPadding", provider);
            cipher.init(Cipher.ENCRYPT_MODE, key);
            return cipher.doFinal(blocks);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES encryption in the token failed: " + e);
        }
    }

    /**
     * The AES-CMAC check value (5 bytes) of a token key, from two encryptions inside the token: L = E(K, 0),
     * K1 = dbl(L), CMAC(K, 0^128) = E(K, K1).
     */
    byte[] aesCmacKcv(SecretKey key) {
        byte[] l = aesEncrypt(key, ZERO_BLOCK);
        byte[] k1 = new byte[16];
        int carry = 0;
        for (int i = 15; i >= 0; i--) {
            int b = l[i] & 0xFF;
            k1[i] = (byte) ((b << 1) | carry);
            carry = b >>> 7;
        }
        if ((l[0] & 0x80) != 0) {
            k1[15] ^= (byte) 0x87;
        }
        Arrays.fill(l, (byte) 0);
        byte[] mac = aesEncrypt(key, k1);
        Arrays.fill(k1, (byte) 0);
        return Arrays.copyOf(mac, 5);
    }

    /**
     * The AES-128 DUKPT initial key for an initial key ID: X9.24-3 derivation data (initial key usage 8001,
     * AES-128) encrypted under the BDK inside the token.
     */
    KeyBytes aesInitialKey(SecretKey bdk, byte[] initialKeyId) {
        if (initialKeyId.length != AesKsn.INITIAL_KEY_ID_LENGTH) {
            throw new IllegalArgumentException("an AES DUKPT initial key ID is 8 bytes, got " + initialKeyId.length);
        }
        int usage = INITIAL_KEY_USAGE;
        AesKeyType type = AesKeyType.AES128;
        byte[] data = new byte[16];
        data[0] = 0x01;
        data[1] = 0x01;
        data[2] = (byte) (usage >>> 8);
        data[3] = (byte) usage;
        data[4] = (byte) (type.algorithmIndicator() >>> 8);
        data[5] = (byte) type.algorithmIndicator();
        data[6] = (byte) (type.bits() >>> 8);
        data[7] = (byte) type.bits();
        System.arraycopy(initialKeyId, 0, data, 8, 8);
        return KeyBytes.wrap(aesEncrypt(bdk, data));
    }

    /** The AES-128 working key: the initial key from the token, the counter walk on it in process. */
    KeyBytes aesWorkingKey(SecretKey bdk, AesKsn ksn, AesKeyUsage usage) {
        try (KeyBytes initialKey = aesInitialKey(bdk, ksn.initialKeyId())) {
            return AesDukpt.workingKey(initialKey, ksn, usage, AesKeyType.AES128);
        }
    }

    @Override
    public String toString() {
        return "Pkcs11Token[" + provider.getName() + "]";
    }
}

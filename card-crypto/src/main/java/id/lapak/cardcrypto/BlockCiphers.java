package id.lapak.cardcrypto;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Single-block AES, DES and TDES encryption and AES-CBC on JCA {@link Cipher}s that are created once per thread and
 * re-keyed with {@code init} for every operation. A DUKPT derivation is a chain of up to 21 block operations under
 * a different key each, and {@code Cipher.getInstance} costs more than the block itself.
 *
 * <p>Everything goes through the standard JCA names, so a PKCS#11 provider can take over the same operations later.
 */
public final class BlockCiphers {

    public static final int AES_BLOCK = 16;
    public static final int DES_BLOCK = 8;

    private static final ThreadLocal<Cipher> AES_ECB = ThreadLocal.withInitial(() -> create("AES/ECB/NoPadding"));
    private static final ThreadLocal<Cipher> AES_CBC = ThreadLocal.withInitial(() -> create("AES/CBC/NoPadding"));
    private static final ThreadLocal<Cipher> DES_ECB = ThreadLocal.withInitial(() -> create("DES/ECB/NoPadding"));
    private static final ThreadLocal<Cipher> TDES_ECB = ThreadLocal.withInitial(() -> create("DESede/ECB/NoPadding"));

    private BlockCiphers() {}

    /** Encrypts one 16-byte block at {@code in[inOffset]} into {@code out[outOffset]} (may be the same array). */
    public static void aesEncryptBlock(byte[] key, byte[] in, int inOffset, byte[] out, int outOffset) {
        checkAesKey(key);
        Cipher cipher = AES_ECB.get();
        try {
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
            cipher.doFinal(in, inOffset, AES_BLOCK, out, outOffset);
        } catch (GeneralSecurityException e) {
            throw failure("AES", e);
        }
    }

    /**
     * Encrypts {@code blocks} consecutive 16-byte blocks, each on its own (ECB), under one key: one key schedule for
     * the multi-block derivations of 192- and 256-bit keys.
     */
    public static void aesEncryptBlocks(byte[] key, byte[] in, int inOffset, int blocks, byte[] out, int outOffset) {
        checkAesKey(key);
        Cipher cipher = AES_ECB.get();
        try {
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
            cipher.doFinal(in, inOffset, blocks * AES_BLOCK, out, outOffset);
        } catch (GeneralSecurityException e) {
            throw failure("AES", e);
        }
    }

    /** Single DES on one 8-byte block with an 8-byte key (parity bits ignored), as DUKPT's one-way function needs. */
    public static void desEncryptBlock(byte[] key, byte[] in, int inOffset, byte[] out, int outOffset) {
        if (key.length != 8) {
            throw new IllegalArgumentException("a DES key is 8 bytes, got " + key.length);
        }
        Cipher cipher = DES_ECB.get();
        try {
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "DES"));
            cipher.doFinal(in, inOffset, DES_BLOCK, out, outOffset);
        } catch (GeneralSecurityException e) {
            throw failure("DES", e);
        }
    }

    /** TDES (EDE) on one 8-byte block with a double- (16-byte) or triple-length (24-byte) key. */
    public static void tdesEncryptBlock(byte[] key, byte[] in, int inOffset, byte[] out, int outOffset) {
        byte[] full = tripleLength(key);
        Cipher cipher = TDES_ECB.get();
        try {
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(full, "DESede"));
            cipher.doFinal(in, inOffset, DES_BLOCK, out, outOffset);
        } catch (GeneralSecurityException e) {
            throw failure("TDES", e);
        } finally {
            if (full != key) {
                Arrays.fill(full, (byte) 0);
            }
        }
    }

    /** AES-CBC without padding; {@code data} must be a whole number of blocks. */
    public static byte[] aesCbc(boolean encrypt, byte[] key, byte[] iv, byte[] data) {
        checkAesKey(key);
        if (data.length % AES_BLOCK != 0) {
            throw new IllegalArgumentException("AES-CBC data must be a multiple of 16 bytes, got " + data.length);
        }
        Cipher cipher = AES_CBC.get();
        try {
            cipher.init(
                    encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE,
                    new SecretKeySpec(key, "AES"),
                    new IvParameterSpec(iv));
            return cipher.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw failure("AES-CBC", e);
        }
    }

    private static void checkAesKey(byte[] key) {
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new IllegalArgumentException("an AES key is 16, 24 or 32 bytes, got " + key.length);
        }
    }

    /** K1 K2 K1 for a double-length key: SunJCE's DESede takes only 24-byte keys. */
    private static byte[] tripleLength(byte[] key) {
        if (key.length == 24) {
            return key;
        }
        if (key.length != 16) {
            throw new IllegalArgumentException("a TDES key is 16 or 24 bytes, got " + key.length);
        }
        byte[] full = new byte[24];
        System.arraycopy(key, 0, full, 0, 16);
        System.arraycopy(key, 0, full, 16, 8);
        return full;
    }

    private static Cipher create(String transformation) {
        try {
            return Cipher.getInstance(transformation);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(transformation + " is not available in this JDK", e);
        }
    }

    // The JCA exceptions here describe lengths and states, not key bytes; the cause is kept without its key.
    private static IllegalStateException failure(String algorithm, GeneralSecurityException e) {
        String kind = e instanceof InvalidKeyException
                ? "key rejected"
                : e instanceof ShortBufferException
                        ? "output buffer too short"
                        : e.getClass().getSimpleName();
        return new IllegalStateException(algorithm + " operation failed: " + kind);
    }
}

package id.lapak.cardcrypto;

import java.util.Arrays;

/**
 * Key check values as ANSI X9.24-1:2017 Annex A defines them.
 *
 * <ul>
 *   <li><b>Legacy</b> (A.2): encrypt one all-zero block with the key, keep the leftmost 3 bytes. The usual KCV for
 *       TDES keys, and what older AES tooling prints.</li>
 *   <li><b>CMAC</b> (A.3): CMAC of one all-zero block under the key, keep the leftmost 5 bytes. X9.24-1:2017 calls
 *       for it for AES keys, and TR-31/X9.143 key blocks mark it as KCV algorithm {@code 01}.</li>
 * </ul>
 * {@link #aes(KeyBytes)} and {@link #tdes(KeyBytes)} pick the method the standard asks for; see
 * {@code docs/decisions/0009-card-crypto-module.md}.
 */
public final class Kcv {

    public static final int LEGACY_LENGTH = 3;
    public static final int CMAC_LENGTH = 5;

    private Kcv() {}

    /** The AES check value X9.24-1:2017 asks for: CMAC-based, 5 bytes. */
    public static byte[] aes(KeyBytes key) {
        return aesCmac(key);
    }

    /** The TDES check value in common use: legacy, 3 bytes. */
    public static byte[] tdes(KeyBytes key) {
        return tdesLegacy(key);
    }

    public static byte[] aesCmac(KeyBytes key) {
        byte[] k = key.toByteArray();
        try {
            return Arrays.copyOf(Cmac.aes(k, new byte[BlockCiphers.AES_BLOCK]), CMAC_LENGTH);
        } finally {
            Arrays.fill(k, (byte) 0);
        }
    }

    public static byte[] aesLegacy(KeyBytes key) {
        byte[] k = key.toByteArray();
        byte[] block = new byte[BlockCiphers.AES_BLOCK];
        try {
            BlockCiphers.aesEncryptBlock(k, block, 0, block, 0);
            return Arrays.copyOf(block, LEGACY_LENGTH);
        } finally {
            Arrays.fill(k, (byte) 0);
        }
    }

    public static byte[] tdesLegacy(KeyBytes key) {
        byte[] k = key.toByteArray();
        byte[] block = new byte[BlockCiphers.DES_BLOCK];
        try {
            BlockCiphers.tdesEncryptBlock(k, block, 0, block, 0);
            return Arrays.copyOf(block, LEGACY_LENGTH);
        } finally {
            Arrays.fill(k, (byte) 0);
        }
    }

    public static byte[] tdesCmac(KeyBytes key) {
        byte[] k = key.toByteArray();
        try {
            return Arrays.copyOf(Cmac.tdes(k, new byte[BlockCiphers.DES_BLOCK]), CMAC_LENGTH);
        } finally {
            Arrays.fill(k, (byte) 0);
        }
    }
}

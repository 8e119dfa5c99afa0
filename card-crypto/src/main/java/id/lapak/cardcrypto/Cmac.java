package id.lapak.cardcrypto;

import java.util.Arrays;

/**
 * CMAC (NIST SP 800-38B) over AES or TDES. TR-31 version D derives its keys and computes its MAC with AES-CMAC;
 * X9.24-1 check values use CMAC of a zero block.
 */
public final class Cmac {

    private Cmac() {}

    /** AES-CMAC with a 16-, 24- or 32-byte key; a 16-byte tag. */
    public static byte[] aes(byte[] key, byte[] message) {
        return compute(key, message, BlockCiphers.AES_BLOCK, 0x87);
    }

    /** TDES-CMAC with a 16- or 24-byte key; an 8-byte tag. */
    public static byte[] tdes(byte[] key, byte[] message) {
        return compute(key, message, BlockCiphers.DES_BLOCK, 0x1B);
    }

    private static byte[] compute(byte[] key, byte[] message, int blockSize, int rb) {
        byte[] l = new byte[blockSize];
        encrypt(key, l, blockSize);
        byte[] k1 = doubled(l, rb);
        byte[] k2 = doubled(k1, rb);
        int blocks = Math.max(1, (message.length + blockSize - 1) / blockSize);
        boolean complete = message.length > 0 && message.length % blockSize == 0;
        byte[] x = new byte[blockSize];
        for (int b = 0; b < blocks - 1; b++) {
            for (int i = 0; i < blockSize; i++) {
                x[i] ^= message[b * blockSize + i];
            }
            encrypt(key, x, blockSize);
        }
        int lastOffset = (blocks - 1) * blockSize;
        byte[] subkey = complete ? k1 : k2;
        for (int i = 0; i < blockSize; i++) {
            int index = lastOffset + i;
            byte m;
            if (index < message.length) {
                m = message[index];
            } else {
                m = index == message.length ? (byte) 0x80 : 0;
            }
            x[i] ^= (byte) (m ^ subkey[i]);
        }
        encrypt(key, x, blockSize);
        Arrays.fill(l, (byte) 0);
        Arrays.fill(k1, (byte) 0);
        Arrays.fill(k2, (byte) 0);
        return x;
    }

    private static void encrypt(byte[] key, byte[] block, int blockSize) {
        if (blockSize == BlockCiphers.AES_BLOCK) {
            BlockCiphers.aesEncryptBlock(key, block, 0, block, 0);
        } else {
            BlockCiphers.tdesEncryptBlock(key, block, 0, block, 0);
        }
    }

    private static byte[] doubled(byte[] in, int rb) {
        byte[] out = new byte[in.length];
        int carry = 0;
        for (int i = in.length - 1; i >= 0; i--) {
            int v = in[i] & 0xFF;
            out[i] = (byte) ((v << 1) | carry);
            carry = v >>> 7;
        }
        if ((in[0] & 0x80) != 0) {
            out[in.length - 1] ^= (byte) rb;
        }
        return out;
    }
}

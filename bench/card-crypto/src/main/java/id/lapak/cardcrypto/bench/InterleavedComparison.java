package id.lapak.cardcrypto.bench;

import id.lapak.cardcrypto.Hex;
import id.lapak.cardcrypto.KeyBytes;
import id.lapak.cardcrypto.dukpt.AesDukpt;
import id.lapak.cardcrypto.dukpt.AesKeyType;
import id.lapak.cardcrypto.dukpt.AesKeyUsage;
import id.lapak.cardcrypto.dukpt.AesKsn;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-128 DUKPT working keys against the bare 17-step JCA loop, alternating in rounds and keeping each one's best
 * round: on a shared machine the ratio stays meaningful when JMH's separate trials are too noisy to compare.
 */
public final class InterleavedComparison {

    public static void main(String[] args) throws Exception {
        KeyBytes initialKey = AesDukpt.initialKey(KeyBytes.fromHex("FEDCBA9876543210F1F1F1F1F1F1F1F1", "BDK"),
                Hex.decode("1234567890123456", "IK ID"));
        AesKsn ksn = AesKsn.fromHex("1234567890123456FFFF0000");
        Cipher cipher = Cipher.getInstance("AES/ECB/NoPadding");
        byte[] rawKey = initialKey.toByteArray();
        byte[] block = new byte[16];
        int perRound = 20_000;
        long bestDukpt = Long.MAX_VALUE;
        long bestBare = Long.MAX_VALUE;
        long sink = 0;
        for (int round = 0; round < 60; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < perRound; i++) {
                sink += AesDukpt.workingKey(initialKey, ksn, AesKeyUsage.PIN_ENCRYPTION, AesKeyType.AES128).length();
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < perRound; i++) {
                byte[] key = rawKey;
                for (int step = 0; step < 17; step++) {
                    byte[] next = new byte[16];
                    cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
                    cipher.doFinal(block, 0, 16, next, 0);
                    key = next;
                }
                sink += key[0];
            }
            long t2 = System.nanoTime();
            bestDukpt = Math.min(bestDukpt, t1 - t0);
            bestBare = Math.min(bestBare, t2 - t1);
        }
        System.out.printf("AES-128 DUKPT working key: %,.0f/s, bare JCA 17 blocks: %,.0f/s, ratio %.3f (%d)%n",
                perRound * 1e9 / bestDukpt, perRound * 1e9 / bestBare, (double) bestBare / bestDukpt, sink & 1);
    }
}

package id.lapak.cardcrypto.bench;

import id.lapak.cardcrypto.Hex;
import id.lapak.cardcrypto.KeyBytes;
import id.lapak.cardcrypto.dukpt.AesDukpt;
import id.lapak.cardcrypto.dukpt.AesKeyType;
import id.lapak.cardcrypto.dukpt.AesKeyUsage;
import id.lapak.cardcrypto.dukpt.AesKsn;
import id.lapak.cardcrypto.dukpt.TdesDukpt;
import id.lapak.cardcrypto.dukpt.TdesKeyUsage;
import id.lapak.cardcrypto.dukpt.TdesKsn;
import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Transaction-key derivation at the most expensive counters (AES: FFFF0000, 16 one-bits, so 16 intermediate keys
 * and the working key = 17 AES block operations; TDES: 1FF800, 10 one-bits = 20 DES operations), next to a bare
 * JCA loop doing the same 17 chained AES re-key-and-encrypt steps on one reused Cipher.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DerivationBenchmark {

    private KeyBytes aesInitialKey;
    private AesKsn aesKsn;
    private KeyBytes tdesInitialKey;
    private TdesKsn tdesKsn;
    private byte[] rawKey;
    private byte[] block;
    private Cipher cipher;

    @Setup
    public void setUp() throws GeneralSecurityException {
        KeyBytes aesBdk = KeyBytes.fromHex("FEDCBA9876543210F1F1F1F1F1F1F1F1", "BDK");
        aesKsn = AesKsn.fromHex("1234567890123456FFFF0000");
        aesInitialKey = AesDukpt.initialKey(aesBdk, aesKsn.initialKeyId());
        KeyBytes tdesBdk = KeyBytes.fromHex("0123456789ABCDEFFEDCBA9876543210", "BDK");
        tdesKsn = TdesKsn.fromHex("FFFF9876543210E00000").withCounter(TdesKsn.MAX_COUNTER);
        tdesInitialKey = TdesDukpt.initialKey(tdesBdk, tdesKsn);
        rawKey = Hex.decode("1273671EA26AC29AFA4D1084127652A1", "key");
        block = Hex.decode("01018000000200803456789000010000", "block");
        cipher = Cipher.getInstance("AES/ECB/NoPadding");
    }

    @Benchmark
    public KeyBytes aes128WorkingKey() {
        return AesDukpt.workingKey(aesInitialKey, aesKsn, AesKeyUsage.PIN_ENCRYPTION, AesKeyType.AES128);
    }

    @Benchmark
    public KeyBytes tdesPinKey() {
        return TdesDukpt.workingKey(tdesInitialKey, tdesKsn, TdesKeyUsage.PIN);
    }

    @Benchmark
    public byte[] bareJcaAes17Blocks() throws GeneralSecurityException {
        byte[] key = rawKey;
        for (int i = 0; i < 17; i++) {
            byte[] next = new byte[16];
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
            cipher.doFinal(block, 0, 16, next, 0);
            key = next;
        }
        return key;
    }
}

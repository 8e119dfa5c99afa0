package id.lapak.device.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapak.cardcrypto.Hex;
import id.lapak.cardcrypto.Kcv;
import id.lapak.cardcrypto.KeyBytes;
import id.lapak.cardcrypto.dukpt.AesDukpt;
import id.lapak.cardcrypto.dukpt.AesKeyType;
import id.lapak.cardcrypto.dukpt.AesKeyUsage;
import id.lapak.cardcrypto.dukpt.AesKsn;
import id.lapak.cardcrypto.dukpt.TdesKeyUsage;
import id.lapak.cardcrypto.dukpt.TdesKsn;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The PKCS#11 key store against a fresh SoftHSM2 token ({@link SoftHsmToken}): derivations inside the token equal
 * the software DUKPT for the same BDK, and BDKs stay in the token.
 */
class Pkcs11ReaderKeyStoreIntegrationTest {

    static final KeyBytes KNOWN_BDK = KeyBytes.fromHex("FEDCBA9876543210F1F1F1F1F1F1F1F1", "test BDK");
    static final SecureRandom RANDOM = new SecureRandom();

    static Pkcs11Token token;

    @BeforeAll
    static void freshToken() {
        token = SoftHsmToken.get();
    }

    @Test
    void aesInitialAndWorkingKeysFromTheTokenEqualTheSoftwareDerivation() {
        token.importAes("lapak-test-known-bdk", KNOWN_BDK);
        SecretKey bdk = token.key("lapak-test-known-bdk");
        assertThat(bdk.getEncoded()).isNull();
        assertThat(Hex.encode(token.aesCmacKcv(bdk))).isEqualTo(Hex.encode(Kcv.aes(KNOWN_BDK)));

        AesKeyUsage[] usages = AesKeyUsage.values();
        for (int i = 0; i < 200; i++) {
            byte[] initialKeyId = new byte[8];
            RANDOM.nextBytes(initialKeyId);
            try (KeyBytes fromToken = token.aesInitialKey(bdk, initialKeyId);
                    KeyBytes inSoftware = AesDukpt.initialKey(KNOWN_BDK, initialKeyId)) {
                assertThat(fromToken.toHex()).isEqualTo(inSoftware.toHex());
            }
            AesKsn ksn = AesKsn.of(initialKeyId, randomCounter());
            AesKeyUsage usage = usages[RANDOM.nextInt(usages.length)];
            try (KeyBytes fromToken = token.aesWorkingKey(bdk, ksn, usage);
                    KeyBytes inSoftware = AesDukpt.workingKeyFromBdk(KNOWN_BDK, ksn, usage, AesKeyType.AES128)) {
                assertThat(fromToken.toHex())
                        .as("working key for %s, %s", ksn, usage)
                        .isEqualTo(inSoftware.toHex());
            }
        }
    }

    @Test
    void manyRandomBdksDeriveInTheTokenExactlyAsInSoftware() {
        AesKeyUsage[] usages = AesKeyUsage.values();
        for (int b = 0; b < 25; b++) {
            byte[] clear = new byte[16];
            RANDOM.nextBytes(clear);
            try (KeyBytes randomBdk = KeyBytes.copyOf(clear)) {
                String label = "lapak-test-random-bdk-" + b + "-" + UUID.randomUUID();
                token.importAes(label, randomBdk);
                SecretKey bdk = token.key(label);
                for (int i = 0; i < 20; i++) {
                    byte[] initialKeyId = new byte[8];
                    RANDOM.nextBytes(initialKeyId);
                    try (KeyBytes fromToken = token.aesInitialKey(bdk, initialKeyId);
                            KeyBytes inSoftware = AesDukpt.initialKey(randomBdk, initialKeyId)) {
                        assertThat(fromToken.toHex()).isEqualTo(inSoftware.toHex());
                    }
                    AesKsn ksn = AesKsn.of(initialKeyId, randomCounter());
                    AesKeyUsage usage = usages[RANDOM.nextInt(usages.length)];
                    try (KeyBytes fromToken = token.aesWorkingKey(bdk, ksn, usage);
                            KeyBytes inSoftware =
                                    AesDukpt.workingKeyFromBdk(randomBdk, ksn, usage, AesKeyType.AES128)) {
                        assertThat(fromToken.toHex())
                                .as("BDK %d, %s, %s", b, ksn, usage)
                                .isEqualTo(inSoftware.toHex());
                    }
                }
            } finally {
                java.util.Arrays.fill(clear, (byte) 0);
            }
        }
    }

    @Test
    void aBdkGeneratedInTheTokenCannotBeExported() throws Exception {
        String label = Pkcs11ReaderKeyStore.label(UUID.randomUUID(), ReaderKeyAlgorithm.AES128, 1);
        SecretKey bdk = token.generateAesIfAbsent(label);
        assertThat(token.generateAesIfAbsent(label).toString()).isEqualTo(bdk.toString());
        assertThat(bdk.getEncoded()).isNull();
        assertThat(bdk.toString()).contains("token object", "sensitive", "unextractable");
        assertThat(token.aesCmacKcv(bdk)).hasSize(Kcv.CMAC_LENGTH);

        KeyStore store = KeyStore.getInstance("PKCS11", token.provider());
        store.load(null, SoftHsmToken.PIN.toCharArray());
        assertThat(store.containsAlias(label)).isTrue();
        assertThat(store.getKey(label, null).getEncoded()).isNull();
        // Key wrapping would be the other way out; the key does not allow it and the token refuses.
        Cipher wrap = Cipher.getInstance("AES/ECB/NoPadding", token.provider());
        assertThatThrownBy(() -> {
                    wrap.init(Cipher.WRAP_MODE, bdk);
                    wrap.wrap(bdk);
                })
                .isInstanceOf(Exception.class);
    }

    @Test
    void cardFingerprintsAreStablePerTenantAndDifferBetweenTenants() {
        Pkcs11ReaderKeyStore store = new Pkcs11ReaderKeyStore(null, null, token);
        byte[] pan = "4111111111111111".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        byte[] first = id.lapak.tenant.context.TenantContext.callAs(a, () -> store.cardFingerprint(pan));
        byte[] again = id.lapak.tenant.context.TenantContext.callAs(
                a, () -> new Pkcs11ReaderKeyStore(null, null, token).cardFingerprint(pan));
        byte[] other = id.lapak.tenant.context.TenantContext.callAs(b, () -> store.cardFingerprint(pan));
        assertThat(first).hasSize(32).isEqualTo(again).isNotEqualTo(other);
        assertThat(Hex.encode(first)).doesNotContain("4111111111111111");
    }

    @Test
    void tdesIsRefusedWithAClearReason() {
        Pkcs11ReaderKeyStore store = new Pkcs11ReaderKeyStore(null, null, token);
        assertThatThrownBy(() -> store.current(ReaderKeyAlgorithm.TDES, "test"))
                .isInstanceOfSatisfying(
                        ReaderKeyException.class, e -> assertThat(e.reason()).isEqualTo("algorithm_unsupported"));
        assertThatThrownBy(() -> store.deriveWorkingKey(TdesKsn.of(new byte[10]), TdesKeyUsage.values()[0]))
                .isInstanceOf(ReaderKeyException.class);
    }

    private static long randomCounter() {
        long counter;
        do {
            counter = RANDOM.nextLong(1L << AesKsn.COUNTER_BITS);
        } while (Long.bitCount(counter) > AesKsn.MAX_ONE_BITS || counter == 0);
        return counter;
    }
}

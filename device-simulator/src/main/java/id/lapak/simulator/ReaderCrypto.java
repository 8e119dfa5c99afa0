package id.lapak.simulator;

import id.lapak.cardcrypto.Hex;
import id.lapak.cardcrypto.Hkdf;
import id.lapak.cardcrypto.Kcv;
import id.lapak.cardcrypto.KeyBytes;
import id.lapak.cardcrypto.carddata.CardData;
import id.lapak.cardcrypto.carddata.CardDataAlgorithm;
import id.lapak.cardcrypto.carddata.CardDataCipher;
import id.lapak.cardcrypto.carddata.EncryptedCardData;
import id.lapak.cardcrypto.dukpt.AesDukpt;
import id.lapak.cardcrypto.dukpt.AesKeyType;
import id.lapak.cardcrypto.dukpt.AesKeyUsage;
import id.lapak.cardcrypto.dukpt.AesKsn;
import id.lapak.cardcrypto.dukpt.TdesDukpt;
import id.lapak.cardcrypto.dukpt.TdesKeyUsage;
import id.lapak.cardcrypto.dukpt.TdesKsn;
import id.lapak.cardcrypto.tr31.InvalidKeyBlockException;
import id.lapak.cardcrypto.tr31.KeyBlocks;
import id.lapak.cardcrypto.tr31.OptionalBlock;
import id.lapak.cardcrypto.tr31.UnwrappedKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import javax.crypto.KeyAgreement;
import tools.jackson.databind.JsonNode;

/**
 * The card reader's side of the keys, as a real reader does it: opens a delivered TR-31 block with the key block
 * protection key from ECDH and HKDF, checks it is the key the answer describes, derives DUKPT working keys and
 * encrypts card data under them.
 */
final class ReaderCrypto {

    private ReaderCrypto() {}

    static ReaderKey openReaderKey(DeviceHome home, JsonNode answer, String readerSerial) {
        String alg = Json.text(answer, "algorithm");
        String initialKeyId = Json.text(answer, "initialKeyId");
        String deliveryId = Json.text(answer, "deliveryId");
        UUID deviceId = home.pairing().deviceId();
        try (KeyBytes kbpk = protectionKey(home, answer, deviceId, deliveryId);
                UnwrappedKey unwrapped = KeyBlocks.unwrap(kbpk, Json.text(answer, "keyBlock"))) {
            boolean aes = "AES128".equals(alg);
            var header = unwrapped.header();
            String expectedBlock = aes ? OptionalBlock.INITIAL_KEY_ID : OptionalBlock.KEY_SET_ID;
            if (!header.keyUsage().equals("B1")
                    || header.algorithm() != (aes ? 'A' : 'T')
                    || !header.optionalBlock(expectedBlock)
                            .map(initialKeyId::equalsIgnoreCase)
                            .orElse(false)) {
                throw new InvalidKeyBlockException("the key block is not the initial key the answer describes");
            }
            String kcv = Hex.encode(aes ? Kcv.aes(unwrapped.key()) : Kcv.tdes(unwrapped.key()));
            if (!kcv.equalsIgnoreCase(Json.text(answer, "kcv"))) {
                throw new InvalidKeyBlockException("the initial key's check value differs from the answer's");
            }
            return new ReaderKey(
                    alg,
                    answer.path("bdkVersion").asInt(),
                    initialKeyId.toUpperCase(Locale.ROOT),
                    kcv,
                    readerSerial,
                    deliveryId,
                    unwrapped.key().toHex());
        }
    }

    /** The data-encryption working key of the reader for a transaction counter (AES-128 or TDES data variant). */
    static WorkingKey dataEncryptionKey(DeviceHome home, long counter) {
        ReaderKey key = home.readerKey().orElseThrow(() -> new IllegalStateException("the reader has no key yet"));
        try (KeyBytes initialKey = KeyBytes.fromHex(key.initialKey(), "initial key")) {
            if ("AES128".equals(key.algorithm())) {
                AesKsn ksn = AesKsn.of(Hex.decode(key.initialKeyId(), "initial key ID"), counter);
                return new WorkingKey(
                        ksn.toHex(), AesDukpt.workingKey(initialKey, ksn, AesKeyUsage.DATA_ENCRYPT, AesKeyType.AES128));
            }
            TdesKsn ksn = TdesKsn.fromHex(key.initialKeyId()).withCounter(Math.toIntExact(counter));
            return new WorkingKey(ksn.toHex(), TdesDukpt.workingKey(initialKey, ksn, TdesKeyUsage.DATA_REQUEST));
        }
    }

    /**
     * Encrypts card data as the reader would for a payment: the PAN, expiry (YYMM) and optional track 2 equivalent
     * data in the layout of {@link CardDataCipher}, under the data-encryption key of the reader key's KSN at
     * {@code counter}, with a random IV. The clear card data is wiped before this returns.
     */
    static EncryptedCard encryptCardData(
            DeviceHome home, long counter, String pan, String expiryYYMM, String track2OrNull) {
        ReaderKey readerKey =
                home.readerKey().orElseThrow(() -> new IllegalStateException("the reader has no key yet"));
        CardDataAlgorithm algorithm =
                "AES128".equals(readerKey.algorithm()) ? CardDataAlgorithm.AES128 : CardDataAlgorithm.TDES;
        WorkingKey working = dataEncryptionKey(home, counter);
        try (KeyBytes key = working.key();
                CardData data = CardData.of(pan, expiryYYMM, track2OrNull)) {
            EncryptedCardData encrypted = CardDataCipher.encrypt(key, algorithm, data);
            return new EncryptedCard(
                    algorithm.name(), working.ksn(), encrypted.ivBase64(), encrypted.ciphertextBase64());
        }
    }

    private static KeyBytes protectionKey(DeviceHome home, JsonNode answer, UUID deviceId, String deliveryId) {
        byte[] shared = null;
        try {
            PublicKey server = KeyFactory.getInstance("EC")
                    .generatePublic(
                            new X509EncodedKeySpec(Base64.getDecoder().decode(Json.text(answer, "serverPublicKey"))));
            KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
            ecdh.init(home.keyPair().getPrivate());
            ecdh.doPhase(server, true);
            shared = ecdh.generateSecret();
            byte[] info = (DeviceClient.KDF_LABEL + deviceId + deliveryId).getBytes(StandardCharsets.US_ASCII);
            return Hkdf.sha256(shared, Base64.getDecoder().decode(Json.text(answer, "salt")), info, 32);
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            throw new InvalidKeyBlockException("the server's key agreement data cannot be used");
        } finally {
            if (shared != null) {
                Arrays.fill(shared, (byte) 0);
            }
        }
    }
}

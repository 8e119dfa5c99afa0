package id.lapak.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader encrypts card data with its stored key; the server side decrypts it from the KSN alone. */
class CardDataEncryptionTest {

    static final String AES_INITIAL_KEY = "1273671EA26AC29AFA4D1084127652A1";
    static final String TDES_INITIAL_KEY = "6AC292FAA1315B4D858AB3A3D7D5933A";
    static final String PAN = "4761739001010010";

    @TempDir
    Path temp;

    @Test
    void aesCardDataDecryptsUnderTheKeyDerivedFromTheKsn() {
        DeviceClient client =
                clientWith(new ReaderKey("AES128", 1, "1234567890123456", "000000", "RD-1", "d1", AES_INITIAL_KEY));
        EncryptedCard card = client.encryptCardData(7, PAN, "2212", "4761739001010010D22122011143804400000");
        assertThat(card.algorithm()).isEqualTo("AES128");
        assertThat(card.toString()).doesNotContain(PAN);

        AesKsn ksn = AesKsn.fromHex(card.ksn());
        assertThat(ksn.counter()).isEqualTo(7);
        try (KeyBytes initial = KeyBytes.fromHex(AES_INITIAL_KEY, "initial key");
                KeyBytes key = AesDukpt.workingKey(initial, ksn, AesKeyUsage.DATA_ENCRYPT, AesKeyType.AES128);
                CardData data = CardDataCipher.decrypt(key, encrypted(CardDataAlgorithm.AES128, card))) {
            assertThat(new String(data.pan(), StandardCharsets.US_ASCII)).isEqualTo(PAN);
            assertThat(data.expiry()).isEqualTo("2212");
            assertThat(data.hasTrack2()).isTrue();
        }
    }

    @Test
    void tdesCardDataDecryptsUnderTheDataRequestKey() {
        DeviceClient client =
                clientWith(new ReaderKey("TDES", 1, "FFFF9876543210E00000", "000000", "RD-2", "d2", TDES_INITIAL_KEY));
        EncryptedCard card = client.encryptCardData(3, PAN, "2701", null);
        assertThat(card.algorithm()).isEqualTo("TDES");
        assertThat(Base64.getDecoder().decode(card.iv())).hasSize(8);

        TdesKsn ksn = TdesKsn.fromHex(card.ksn());
        try (KeyBytes initial = KeyBytes.fromHex(TDES_INITIAL_KEY, "initial key");
                KeyBytes key = TdesDukpt.workingKey(initial, ksn, TdesKeyUsage.DATA_REQUEST);
                CardData data = CardDataCipher.decrypt(key, encrypted(CardDataAlgorithm.TDES, card))) {
            assertThat(new String(data.panChars())).isEqualTo(PAN);
            assertThat(data.expiry()).isEqualTo("2701");
            assertThat(data.hasTrack2()).isFalse();
        }
        assertThat(ksn.counter()).isEqualTo(3);
    }

    @Test
    void withoutAReaderKeyThereIsNothingToEncryptWith() {
        DeviceClient client = new DeviceClient(URI.create("http://localhost:1"), new DeviceHome(temp));
        assertThatThrownBy(() -> client.encryptCardData(1, PAN, "2212", null))
                .isInstanceOf(IllegalStateException.class);
    }

    private DeviceClient clientWith(ReaderKey key) {
        DeviceHome home = new DeviceHome(temp);
        home.saveReaderKey(key);
        return new DeviceClient(URI.create("http://localhost:1"), home);
    }

    private static EncryptedCardData encrypted(CardDataAlgorithm algorithm, EncryptedCard card) {
        return new EncryptedCardData(
                algorithm,
                Base64.getDecoder().decode(card.iv()),
                Base64.getDecoder().decode(card.ciphertext()));
    }
}

package id.lapak.cardcrypto.carddata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapak.cardcrypto.Hex;
import id.lapak.cardcrypto.KeyBytes;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CardDataCipherTest {

    private static final String PAN = "4761739001010010";
    private static final String TRACK2 = "4761739001010010=22122011143804400000";

    private static KeyBytes key(String hex) {
        return KeyBytes.fromHex(hex, "test key");
    }

    @Test
    void aesRoundTripWithTrack2() {
        try (KeyBytes key = key("00112233445566778899AABBCCDDEEFF");
                CardData data = CardData.of(PAN, "2212", TRACK2)) {
            EncryptedCardData encrypted = CardDataCipher.encrypt(key, CardDataAlgorithm.AES128, data);
            assertThat(encrypted.iv()).hasSize(16);
            assertThat(encrypted.ciphertext().length % 16).isZero();
            try (CardData back = CardDataCipher.decrypt(key, encrypted)) {
                assertThat(new String(back.pan(), StandardCharsets.US_ASCII)).isEqualTo(PAN);
                assertThat(back.expiry()).isEqualTo("2212");
                assertThat(new String(back.track2(), StandardCharsets.US_ASCII)).isEqualTo(TRACK2.replace('=', 'D'));
            }
        }
    }

    @Test
    void tdesRoundTripWithAnOddPanAndNoTrack2() {
        try (KeyBytes key = key("0123456789ABCDEFFEDCBA9876543210");
                CardData data = CardData.of("5413330089020011234", "3001", null)) {
            EncryptedCardData encrypted = CardDataCipher.encrypt(key, CardDataAlgorithm.TDES, data);
            assertThat(encrypted.iv()).hasSize(8);
            assertThat(encrypted.ciphertext().length % 8).isZero();
            try (CardData back = CardDataCipher.decrypt(key, encrypted)) {
                assertThat(new String(back.panChars())).isEqualTo("5413330089020011234");
                assertThat(back.expiry()).isEqualTo("3001");
                assertThat(back.hasTrack2()).isFalse();
            }
        }
    }

    @Test
    void thePlaintextLayoutIsTlvWithIsoPadding() {
        try (KeyBytes key = key("00112233445566778899AABBCCDDEEFF");
                CardData data = CardData.of("476173900101001", "2212", null)) {
            byte[] iv = new byte[16];
            EncryptedCardData encrypted = CardDataCipher.encrypt(key, CardDataAlgorithm.AES128, data, iv);
            byte[] plain =
                    id.lapak.cardcrypto.BlockCiphers.aesCbc(false, key.toByteArray(), iv, encrypted.ciphertext());
            assertThat(Hex.encode(plain)).isEqualTo("5A08476173900101001F" + "5F24022212" + "80");
        }
    }

    @Test
    void aWrongKeyFailsCleanlyWithoutEchoingTheData() {
        EncryptedCardData encrypted;
        try (KeyBytes key = key("00112233445566778899AABBCCDDEEFF");
                CardData data = CardData.of(PAN, "2212", TRACK2)) {
            encrypted = CardDataCipher.encrypt(key, CardDataAlgorithm.AES128, data);
        }
        for (int i = 0; i < 50; i++) {
            String wrong = String.format("%032X", i + 1);
            try (KeyBytes key = key(wrong)) {
                assertThatThrownBy(() -> CardDataCipher.decrypt(key, encrypted))
                        .isInstanceOf(CardDataException.class)
                        .hasMessage("the card data does not decrypt to a valid record under this key")
                        .hasNoCause();
            }
        }
        try (KeyBytes key = key("0123456789ABCDEFFEDCBA9876543210");
                KeyBytes other = key("0123456789ABCDEFFEDCBA9876543211")) {
            EncryptedCardData tdes;
            try (CardData data = CardData.of(PAN, "2212", null)) {
                tdes = CardDataCipher.encrypt(key, CardDataAlgorithm.TDES, data);
            }
            // The low bit of each DES key byte is parity and ignored, so flip a higher bit.
            try (KeyBytes wrong = key("0123456789ABCDEFFEDCBA9876543232")) {
                assertThatThrownBy(() -> CardDataCipher.decrypt(wrong, tdes))
                        .isInstanceOf(CardDataException.class)
                        .message()
                        .doesNotContain(PAN)
                        .doesNotContain("4761");
            }
            assertThat(other.length()).isEqualTo(16);
        }
    }

    @Test
    void aTamperedCiphertextOrAWrongLengthIsRefused() {
        try (KeyBytes key = key("00112233445566778899AABBCCDDEEFF");
                CardData data = CardData.of(PAN, "2212", null)) {
            EncryptedCardData encrypted = CardDataCipher.encrypt(key, CardDataAlgorithm.AES128, data);
            byte[] cut = java.util.Arrays.copyOf(encrypted.ciphertext(), encrypted.ciphertext().length - 1);
            assertThatThrownBy(() -> CardDataCipher.decrypt(
                            key, new EncryptedCardData(CardDataAlgorithm.AES128, encrypted.iv(), cut)))
                    .isInstanceOf(CardDataException.class);
            assertThatThrownBy(() -> CardDataCipher.decrypt(
                            key, new EncryptedCardData(CardDataAlgorithm.TDES, encrypted.iv(), encrypted.ciphertext())))
                    .isInstanceOf(CardDataException.class);
        }
    }

    @Test
    void toStringShowsOnlyTheMaskedPan() {
        try (CardData data = CardData.of(PAN, "2212", TRACK2)) {
            assertThat(data.toString())
                    .isEqualTo("CardData[pan=476173******0010, track2 present]")
                    .doesNotContain(PAN)
                    .doesNotContain("2212");
            assertThat(data.maskedPan()).isEqualTo("476173******0010");
            data.destroy();
            assertThat(data.toString()).isEqualTo("CardData[destroyed]");
            assertThat(data.isDestroyed()).isTrue();
            assertThatThrownBy(data::pan).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void invalidInputIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> CardData.of("47617390010A0010", "2212", null))
                .isInstanceOf(CardDataException.class)
                .message()
                .doesNotContain("4761");
        assertThatThrownBy(() -> CardData.of("12345678901", "2212", null)).isInstanceOf(CardDataException.class);
        assertThatThrownBy(() -> CardData.of(PAN, "2213", null)).isInstanceOf(CardDataException.class);
        assertThatThrownBy(() -> CardData.of(PAN, "221", null)).isInstanceOf(CardDataException.class);
        assertThatThrownBy(() -> CardData.of(PAN, "2212", "4761739001010010")).isInstanceOf(CardDataException.class);
    }
}

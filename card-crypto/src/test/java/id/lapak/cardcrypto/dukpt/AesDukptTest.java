package id.lapak.cardcrypto.dukpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapak.cardcrypto.Hex;
import id.lapak.cardcrypto.KeyBytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The X9.24-3-2017 supplement's test vectors (BDK FEDCBA9876543210F1F1F1F1F1F1F1F1, initial key ID
 * 1234567890123456), as reproduced by several open-source AES DUKPT implementations.
 */
class AesDukptTest {

    private static final KeyBytes BDK = KeyBytes.fromHex("FEDCBA9876543210F1F1F1F1F1F1F1F1", "BDK");
    private static final byte[] IK_ID = Hex.decode("1234567890123456", "IK ID");

    @Test
    void initialKeyFromBdk() {
        assertThat(AesDukpt.initialKey(BDK, IK_ID).toHex()).isEqualTo("1273671EA26AC29AFA4D1084127652A1");
    }

    @Test
    void intermediateDerivationKeys() {
        KeyBytes initialKey = AesDukpt.initialKey(BDK, IK_ID);
        assertThat(AesDukpt.derivationKey(initialKey, AesKsn.fromHex("123456789012345600000001"))
                        .toHex())
                .isEqualTo("4F21B565BAD9835E112B6465635EAE44");
        assertThat(AesDukpt.derivationKey(initialKey, AesKsn.fromHex("123456789012345600000002"))
                        .toHex())
                .isEqualTo("2F34D68DE10F68D38091A73B9E7C437C");
        assertThat(AesDukpt.derivationKey(initialKey, AesKsn.fromHex("123456789012345600000008"))
                        .toHex())
                .isEqualTo("718EE6CF0B27E53D5F7AF99C4D8146A2");
    }

    @ParameterizedTest(name = "{0} at counter 1")
    @CsvSource({
        "PIN_ENCRYPTION,   AF8CB133A78F8DC2D1359F18527593FB",
        "MAC_GENERATION,   A2DC23DE6FDE0824A2BC321E08E4B8B7",
        "MAC_VERIFICATION, DBB463945B286C07CD3AD82EE96FD9C9",
        "MAC_BOTH,         85675439D18D7F1158BD8E3EAA3D502B",
        "DATA_ENCRYPT,     A35C412EFD41FDB98B69797C02DCD08F",
        "DATA_DECRYPT,     16292C6EA8F64C5420A0584BFBC577BE",
        "DATA_BOTH,        A308E080DD15A1B741F1721BF67DE11C",
        "KEY_ENCRYPTION,   36A724B7BEFA5A25F5E7B5782A4554A2"
    })
    void aes128WorkingKeysAtCounterOne(AesKeyUsage usage, String expected) {
        AesKsn ksn = AesKsn.fromHex("123456789012345600000001");
        assertThat(AesDukpt.workingKeyFromBdk(BDK, ksn, usage, AesKeyType.AES128)
                        .toHex())
                .isEqualTo(expected);
    }

    @Test
    void workingKeysAtLaterCounters() {
        KeyBytes initialKey = AesDukpt.initialKey(BDK, IK_ID);
        assertThat(AesDukpt.workingKey(
                                initialKey,
                                AesKsn.fromHex("123456789012345600000002"),
                                AesKeyUsage.PIN_ENCRYPTION,
                                AesKeyType.AES128)
                        .toHex())
                .isEqualTo("D30BDC73EC9714B000BEC66BDB7B6D09");
        AesKsn counter8 = AesKsn.fromHex("123456789012345600000008");
        assertThat(AesDukpt.workingKey(initialKey, counter8, AesKeyUsage.PIN_ENCRYPTION, AesKeyType.AES128)
                        .toHex())
                .isEqualTo("4D9DF3FBEE3448FC3E676D04320A90F5");
        assertThat(AesDukpt.workingKey(initialKey, counter8, AesKeyUsage.DATA_ENCRYPT, AesKeyType.AES128)
                        .toHex())
                .isEqualTo("650F34204ABD4E57764D61AC3D266FB1");
    }

    @Test
    void aes256InitialKey() {
        KeyBytes bdk256 = KeyBytes.fromHex("FEDCBA9876543210F1F1F1F1F1F1F1F1FEDCBA9876543210F1F1F1F1F1F1F1F1", "BDK");
        KeyBytes initialKey = AesDukpt.initialKey(bdk256, IK_ID);
        assertThat(initialKey.toHex()).isEqualTo("CE9CE0C101D1138F97FB6CAD4DF045A7083D4EAE2D35A31789D01CCF0949550F");
        // A 256-bit initial key can derive every smaller working key type, a 128-bit one cannot derive AES-256.
        AesKsn ksn = AesKsn.fromHex("123456789012345600000001");
        assertThat(AesDukpt.workingKey(initialKey, ksn, AesKeyUsage.PIN_ENCRYPTION, AesKeyType.AES256)
                        .length())
                .isEqualTo(32);
        assertThat(AesDukpt.workingKey(initialKey, ksn, AesKeyUsage.PIN_ENCRYPTION, AesKeyType.TDEA3)
                        .length())
                .isEqualTo(24);
        assertThatThrownBy(() -> AesDukpt.workingKey(
                        AesDukpt.initialKey(BDK, IK_ID), ksn, AesKeyUsage.PIN_ENCRYPTION, AesKeyType.AES256))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countersWithMoreThanSixteenOneBitsAreRefused() {
        KeyBytes initialKey = AesDukpt.initialKey(BDK, IK_ID);
        assertThatThrownBy(() -> AesDukpt.derivationKey(initialKey, AesKsn.fromHex("12345678901234560001FFFF")))
                .isInstanceOf(InvalidKsnException.class)
                .hasMessageContaining("more than 16 one-bits");
        assertThatThrownBy(() -> AesDukpt.derivationKey(initialKey, AesKsn.fromHex("123456789012345600000000")))
                .isInstanceOf(InvalidKsnException.class);
        assertThat(AesDukpt.workingKey(
                                initialKey,
                                AesKsn.fromHex("1234567890123456FFFF0000"),
                                AesKeyUsage.PIN_ENCRYPTION,
                                AesKeyType.AES128)
                        .length())
                .isEqualTo(16);
    }

    @Test
    void nextSkipsToTheNextValidCounterAndEndsWithExhaustion() {
        AesKsn ksn = AesKsn.fromHex("12345678901234560000FFFF");
        assertThat(ksn.next().counter()).isEqualTo(0x10000);
        assertThat(AesKsn.fromHex("1234567890123456FFFE0000").next().toHex()).isEqualTo("1234567890123456FFFE0001");
        // FFFE8000 has 16 one-bits; everything above it up to FFFF0000 has more.
        assertThat(AesKsn.fromHex("1234567890123456FFFE8000").next().counter()).isEqualTo(AesKsn.MAX_COUNTER);
        assertThatThrownBy(() -> AesKsn.fromHex("1234567890123456FFFF0000").next())
                .isInstanceOf(KsnExhaustedException.class)
                .hasMessageContaining("exhausted");
        assertThat(AesKsn.fromHex("1234567890123456FFFF0000").usableForTransaction())
                .isTrue();
        assertThat(AesKsn.fromHex("1234567890123456FFFF0001").usableForTransaction())
                .isFalse();
    }

    @Test
    void badInputIsReportedWithoutEchoingIt() {
        assertThatThrownBy(() -> KeyBytes.fromHex("FEDCBA98765432ZZF1F1F1F1F1F1F1F1", "BDK"))
                .hasMessage("BDK is not hexadecimal (position 15)");
        assertThatThrownBy(() -> AesKsn.fromHex("1234")).hasMessage("AES KSN must be 24 hex digits, got 4");
    }
}

package id.lapak.cardcrypto.tr31;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapak.cardcrypto.KeyBytes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OptionalBlockRulesTest {

    @ParameterizedTest
    @CsvSource({
        "KS,VM9A",
        "KS,ffff9876543210e00000",
        "IK,12345678901234",
        "IK,123456789012345G",
        "KC,02ABCDEF",
        "KC,00ABCDEF12",
        "KP,01ABCDEF1234AB",
        "HM,99",
        "HM,2",
        "TS,2018-06-18T20:42:39.22",
        "TS,20201332000000Z",
        "TS,20200230101010Z",
        "CT,03MIIB",
        "CT,00MII*",
        "CT,020002F0MIIC",
        "BI,02123456789A",
        "WP,004",
        "AL,0102",
        "DA,01B0TX"
    })
    void dataThatX9143DoesNotAllowIsRefusedNamingTheBlock(String id, String data) {
        assertThatThrownBy(() -> new OptionalBlock(id, data))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("optional block " + id + " ");
    }

    @ParameterizedTest
    @CsvSource({
        "KS,FFFF9876543210E00000",
        "KS,00604B120F",
        "IK,1234567890123456",
        "KC,01A1B2C3D4E5",
        "KC,00ABCDEF",
        "KP,012331550BC9",
        "HM,21",
        "TS,20200818221218Z",
        "TS,2020-08-18T22:12:18Z",
        "TS,2020-08-18T22:12:18.25Z",
        "CT,00QUJD",
        "CT,02000004QUJD000004QUJD",
        "BI,00123456789A",
        "BI,0112345678",
        "WP,002",
        "AL,0101",
        "DA,01B0TXE",
        "LB,any label at all",
        "10,IBMC proprietary"
    })
    void dataThatX9143AllowsIsAccepted(String id, String data) {
        assertThatCode(() -> new OptionalBlock(id, data)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource({"KS,VM9A", "HM,99"})
    void aReceivedBlockBreakingARuleIsRefusedAfterItsMacVerified(String id, String data) {
        KeyBytes kbpk = KeyBytes.fromHex("00112233445566778899AABBCCDDEEFF", "KBPK");
        String good = KeyBlocks.wrap(
                kbpk,
                KeyBlockHeader.of("D0", 'A', 'B').withOptionalBlock("LB", "x".repeat(data.length())),
                KeyBytes.fromHex("AA".repeat(16), "key"));
        String forged = good.replace(
                "LB0" + Integer.toHexString(4 + data.length()).toUpperCase() + "x".repeat(data.length()),
                id + "0" + Integer.toHexString(4 + data.length()).toUpperCase() + data);
        assertThat(forged).isNotEqualTo(good);
        assertThatThrownBy(() -> KeyBlocks.unwrap(kbpk, forged))
                .isInstanceOf(InvalidKeyBlockException.class)
                .hasMessageContaining("optional block " + id);
    }
}

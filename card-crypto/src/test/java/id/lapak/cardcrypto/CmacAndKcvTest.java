package id.lapak.cardcrypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CmacAndKcvTest {

    /** RFC 4493 section 4 (AES-128), examples 1, 2 and 3. */
    @Test
    void aesCmacMatchesRfc4493() {
        byte[] key = Hex.decode("2B7E151628AED2A6ABF7158809CF4F3C", "key");
        assertThat(Hex.encode(Cmac.aes(key, new byte[0]))).isEqualTo("BB1D6929E95937287FA37D129B756746");
        assertThat(Hex.encode(Cmac.aes(key, Hex.decode("6BC1BEE22E409F96E93D7E117393172A", "m"))))
                .isEqualTo("070A16B46B4D4144F79BDD9DD04A287C");
        assertThat(Hex.encode(Cmac.aes(
                        key,
                        Hex.decode(
                                "6BC1BEE22E409F96E93D7E117393172AAE2D8A571E03AC9C9EB76FAC45AF8E5130C81C46A35CE411",
                                "m"))))
                .isEqualTo("DFA66747DE9AE63030CA32611497C827");
    }

    /** NIST SP 800-38B appendix D.4 (three-key TDEA), example 10: the empty message. */
    @Test
    void tdesCmacMatchesSp80038b() {
        byte[] key = Hex.decode("8AA83BF8CBDA10620BC1BF19FBB6CD58BC313D4A371CA8B5", "key");
        assertThat(Hex.encode(Cmac.tdes(key, new byte[0]))).isEqualTo("B7A688E122FFAF95");
    }

    /**
     * TR-31:2018 A.7.2.1 and A.7.4 give the wrapped keys with their check values (as reproduced in the tests of
     * openemv/tr31): legacy for the TDES key, CMAC-based (X9.24-1:2017 A.3) for the AES key.
     */
    @Test
    void checkValuesOfThePublishedKeyBlockKeys() {
        KeyBytes tdesKey = KeyBytes.fromHex("F039121BEC83D26B169BDCD5B22AAF8F", "key");
        assertThat(Hex.encode(Kcv.tdes(tdesKey))).isEqualTo("CB9DEA");
        KeyBytes aesKey = KeyBytes.fromHex("3F419E1CB7079442AA37474C2EFBF8B8", "key");
        assertThat(Hex.encode(Kcv.aes(aesKey))).hasSize(10).startsWith("08793E");
        assertThat(Hex.encode(Kcv.aesLegacy(aesKey))).hasSize(6).isNotEqualTo("08793E");
    }
}

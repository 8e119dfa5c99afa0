package id.lapak.cardcrypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The test vectors of RFC 5869, Appendix A (SHA-256 cases). */
class HkdfTest {

    @Test
    void basicCase() {
        byte[] ikm = Hex.decode("0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B", "IKM");
        byte[] salt = Hex.decode("000102030405060708090A0B0C", "salt");
        byte[] info = Hex.decode("F0F1F2F3F4F5F6F7F8F9", "info");
        assertThat(Hkdf.sha256(ikm, salt, info, 42).toHex())
                .isEqualTo("3CB25F25FAACD57A90434F64D0362F2A2D2D0A90CF1A5A4C5DB02D56ECC4C5BF34007208D5B887185865");
    }

    @Test
    void longerInputsAndOutput() {
        byte[] ikm = new byte[80];
        byte[] salt = new byte[80];
        byte[] info = new byte[80];
        for (int i = 0; i < 80; i++) {
            ikm[i] = (byte) i;
            salt[i] = (byte) (0x60 + i);
            info[i] = (byte) (0xB0 + i);
        }
        assertThat(Hkdf.sha256(ikm, salt, info, 82).toHex())
                .isEqualTo(
                        "B11E398DC80327A1C8E7F78C596A49344F012EDA2D4EFAD8A050CC4C19AFA97C59045A99CAC7827271CB41C65E590E09"
                                + "DA3275600C2F09B8367793A9ACA3DB71CC30C58179EC3E87C14C01D5C1F3434F1D87");
    }

    @Test
    void emptySaltAndInfo() {
        byte[] ikm = Hex.decode("0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B0B", "IKM");
        assertThat(Hkdf.sha256(ikm, new byte[0], new byte[0], 42).toHex())
                .isEqualTo("8DA4E775A563C18F715F802A063C5A31B8A11F5C5EE1879EC3454E5F3C738D2D9D201395FAA4B61A96C8");
    }
}

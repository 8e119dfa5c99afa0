package id.lapak.cardcrypto.tr31;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapak.cardcrypto.Hex;
import id.lapak.cardcrypto.Kcv;
import id.lapak.cardcrypto.KeyBytes;
import java.io.IOException;
import java.io.InputStream;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The published examples of ANSI X9.143:2021 clause 8 as known answers (the data as openemv/tr31 carries it in
 * {@code test/tr31_decrypt_test.c}). 8.5 and 8.6 hold certificate ({@code CT}) blocks longer than 255 characters
 * in the extended length form; their MACs verify over that header only if it is read as the standard says.
 */
class X9143ExamplesTest {

    @Test
    void example81AnAes128KeyPaddedToHideItsLength() throws IOException {
        Properties example = example("8.1");
        UnwrappedKey unwrapped = KeyBlocks.unwrap(kbpk(example), example.getProperty("block"));

        assertThat(unwrapped.key().toHex()).isEqualTo(example.getProperty("key"));
        assertThat(unwrapped.header().keyUsage()).isEqualTo("P0");
        assertThat(Hex.encode(Kcv.aesCmac(unwrapped.key()))).isEqualTo(example.getProperty("kcv"));
        // 144 characters for a 16-byte key: the key data is as long as for a 32-byte one.
        assertThat(example.getProperty("block")).hasSize(144);
    }

    @Test
    void example85AnRsaPrivateKeyWithItsCertificateInAnExtendedLengthBlock() throws Exception {
        Properties example = example("8.5");
        String block = example.getProperty("block");
        assertThat(block).contains("CT0004050000MII");

        UnwrappedKey unwrapped = KeyBlocks.unwrap(kbpk(example), block);

        assertThat(unwrapped.key().toHex()).isEqualTo(example.getProperty("key"));
        KeyBlockHeader header = unwrapped.header();
        assertThat(header.keyUsage()).isEqualTo("S0");
        assertThat(header.algorithm()).isEqualTo('R');
        assertThat(header.modeOfUse()).isEqualTo('S');
        assertThat(header.optionalBlocks()).extracting(OptionalBlock::id).containsExactly("CT", "KP", "TS", "PB");
        assertThat(header.optionalBlock("CT").orElseThrow())
                .startsWith("00MIIDszCC")
                .hasSize(1280 - 10);
        assertThat(header.optionalBlock("TS")).contains(example.getProperty("ts"));
        assertThat(header.optionalBlock("KP")).contains("01" + example.getProperty("kbpk-kcv"));
        assertThat(Hex.encode(Kcv.aesCmac(kbpk(example)))).isEqualTo(example.getProperty("kbpk-kcv"));
        // What comes out is a usable RSA private key (PKCS#1 RSAPrivateKey DER), not just matching bytes.
        byte[] der = unwrapped.key().toByteArray();
        assertThat(der[0]).isEqualTo((byte) 0x30);
        RSAPrivateCrtKey rsa = (RSAPrivateCrtKey)
                KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8Rsa(der)));
        assertThat(rsa.getModulus().bitLength()).isEqualTo(2048);
    }

    @Test
    void example86AnEcPrivateKeyWithACertificateChain() throws Exception {
        Properties example = example("8.6");
        UnwrappedKey unwrapped = KeyBlocks.unwrap(kbpk(example), example.getProperty("block"));

        assertThat(unwrapped.key().toHex()).isEqualTo(example.getProperty("key"));
        KeyBlockHeader header = unwrapped.header();
        assertThat(header.keyUsage()).isEqualTo("S0");
        assertThat(header.algorithm()).isEqualTo('E');
        assertThat(header.optionalBlocks()).extracting(OptionalBlock::id).containsExactly("CT", "KP", "TS", "PB");
        assertThat(header.optionalBlock("CT").orElseThrow())
                .startsWith("020002F0MIIC")
                .hasSize(0x05CC - 10);
        assertThat(header.optionalBlock("TS")).contains(example.getProperty("ts"));
        assertThat(header.optionalBlock("KP")).contains("01" + example.getProperty("kbpk-kcv"));
        // An RFC 5915 ECPrivateKey on P-256: wrap it as PKCS#8 and let the JDK read it.
        byte[] der = unwrapped.key().toByteArray();
        ECPrivateKey ec =
                (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8Ec(der)));
        assertThat(ec.getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
    }

    @Test
    void theExamplesAreRefusedWhenTheirExtendedLengthIsReadAsBytes() throws IOException {
        Properties example = example("8.5");
        String asBytes = example.getProperty("block").replace("CT00040500", "CT00020500");
        assertThatThrownBy(() -> KeyBlocks.unwrap(kbpk(example), asBytes)).isInstanceOf(InvalidKeyBlockException.class);
    }

    @Test
    void aLapakBlockWithA300CharacterCertificateUsesTheStandardsExtendedForm() throws IOException {
        Properties example = example("8.6");
        KeyBytes kbpk = kbpk(example);
        String certificate = "00" + "QUJD".repeat(75); // 300 characters of base64 after the format
        KeyBlockHeader header = new KeyBlockHeader(
                "S0",
                'E',
                'S',
                "00",
                'N',
                '0',
                java.util.List.of(new OptionalBlock("CT", certificate), new OptionalBlock("TS", "20261202101500Z")));
        KeyBytes key = KeyBytes.fromHex(example.getProperty("key"), "key");

        String block = KeyBlocks.wrap(kbpk, header, key);

        // CT + 00 (extended) + 04 (four characters of length) + 013C (316 = 10 + 302 data ... + 4).
        assertThat(block).contains("CT0004" + String.format("%04X", 10 + certificate.length()) + "00QUJD");
        UnwrappedKey unwrapped = KeyBlocks.unwrap(kbpk, block);
        assertThat(unwrapped.key().toHex()).isEqualTo(example.getProperty("key"));
        assertThat(unwrapped.header().optionalBlock("CT")).contains(certificate);
    }

    private static Properties example(String section) throws IOException {
        var properties = new Properties();
        try (InputStream in =
                X9143ExamplesTest.class.getResourceAsStream("/x9143/example-" + section + ".properties")) {
            properties.load(in);
        }
        return properties;
    }

    private static KeyBytes kbpk(Properties example) {
        return KeyBytes.fromHex(example.getProperty("kbpk"), "KBPK");
    }

    /** PKCS#8 PrivateKeyInfo around a PKCS#1 RSAPrivateKey. */
    private static byte[] pkcs8Rsa(byte[] pkcs1) {
        byte[] algorithm = Hex.decode("300D06092A864886F70D0101010500", "rsaEncryption");
        return sequence(concat(Hex.decode("020100", "version"), algorithm, tlv(0x04, pkcs1)));
    }

    /** PKCS#8 PrivateKeyInfo around an RFC 5915 ECPrivateKey on prime256v1. */
    private static byte[] pkcs8Ec(byte[] ecPrivateKey) {
        byte[] algorithm = Hex.decode("301306072A8648CE3D020106082A8648CE3D030107", "id-ecPublicKey P-256");
        return sequence(concat(Hex.decode("020100", "version"), algorithm, tlv(0x04, ecPrivateKey)));
    }

    private static byte[] sequence(byte[] content) {
        return tlv(0x30, content);
    }

    private static byte[] tlv(int tag, byte[] content) {
        byte[] length = content.length < 0x80
                ? new byte[] {(byte) content.length}
                : content.length < 0x100
                        ? new byte[] {(byte) 0x81, (byte) content.length}
                        : new byte[] {(byte) 0x82, (byte) (content.length >> 8), (byte) content.length};
        return concat(new byte[] {(byte) tag}, length, content);
    }

    private static byte[] concat(byte[]... parts) {
        int total = 0;
        for (byte[] p : parts) {
            total += p.length;
        }
        byte[] out = new byte[total];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}

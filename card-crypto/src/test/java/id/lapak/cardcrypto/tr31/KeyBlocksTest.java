package id.lapak.cardcrypto.tr31;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapak.cardcrypto.Hex;
import id.lapak.cardcrypto.KeyBytes;
import id.lapak.cardcrypto.dukpt.AesDukpt;
import org.junit.jupiter.api.Test;

class KeyBlocksTest {

    /**
     * TR-31:2018 Annex A.7.4, the version D example: an AES-256 KBPK protecting a 128-bit PIN key. Taken from the
     * test data of openemv/tr31 ({@code test/tr31_decrypt_test.c}, "TR-31:2018, A.7.4").
     */
    @Test
    void unwrapsThePublishedVersionDExample() {
        KeyBytes kbpk = KeyBytes.fromHex("88E1AB2A2E3DD38C1FA039A536500CC8A87AB9D62DC92C01058FA79F44657DE6", "KBPK");
        String block = "D0112P0AE00E0000B82679114F470F540165EDFBF7E250FCEA43F810D215F8D207E2E417C07156A2"
                + "7E8E31DA05F7425509593D03A457DC34";

        UnwrappedKey unwrapped = KeyBlocks.unwrap(kbpk, block);

        assertThat(unwrapped.key().toHex()).isEqualTo("3F419E1CB7079442AA37474C2EFBF8B8");
        assertThat(unwrapped.header()).isEqualTo(KeyBlockHeader.of("P0", 'A', 'E'));
        assertThat(unwrapped.toString()).doesNotContain("3F419E");
    }

    /** A payShield 10k example with a 256-bit AES key under an AES-256 KBPK, from the same openemv/tr31 tests. */
    @Test
    void unwrapsAnAes256KeyFromAnHsm() {
        KeyBytes kbpk = KeyBytes.fromHex("41".repeat(32), "KBPK");
        String block = "D0144D0AN00N0000127862F945C2DED04530FAF7CDBC8B0BA10C7AA79BD5E0C2C5D6AC173BF588E4B19ACF13"
                + "57178D50EA0AB193228E13958304FC6149632DFDCADF3A5B3D57E814";
        UnwrappedKey unwrapped = KeyBlocks.unwrap(kbpk, block);
        assertThat(unwrapped.key().toHex())
                .isEqualTo("BE19E6A07A760F10EF8E83A226B63AAD141F463FDDD4F47DB244B4023EC3CACC");
        assertThat(unwrapped.header().keyUsage()).isEqualTo("D0");
        assertThat(unwrapped.header().exportability()).isEqualTo('N');
    }

    @Test
    void roundTripOfAnAesDukptInitialKeyWithItsInitialKeyId() {
        KeyBytes kbpk = KeyBytes.fromHex("00112233445566778899AABBCCDDEEFF", "KBPK");
        KeyBytes bdk = KeyBytes.fromHex("FEDCBA9876543210F1F1F1F1F1F1F1F1", "BDK");
        KeyBytes initialKey = AesDukpt.initialKey(bdk, Hex.decode("1234567890123456", "IK ID"));
        KeyBlockHeader header = KeyBlockHeader.of("B1", 'A', 'X').withOptionalBlock("IK", "1234567890123456");

        String block = KeyBlocks.wrap(kbpk, header, initialKey);

        // 16 header + IK (4 + 16) + PB to the next multiple of 16, 32 bytes of key data, 16 bytes of MAC.
        assertThat(block).startsWith("D0144B1AX00E0200IK141234567890123456PB0C00000000");
        assertThat(block).hasSize(144);
        UnwrappedKey unwrapped = KeyBlocks.unwrap(kbpk, block);
        assertThat(unwrapped.key().toHex()).isEqualTo("1273671EA26AC29AFA4D1084127652A1");
        assertThat(unwrapped.header().keyUsage()).isEqualTo("B1");
        assertThat(unwrapped.header().optionalBlock("IK")).contains("1234567890123456");
        // Random padding: the same key wraps differently every time.
        assertThat(KeyBlocks.wrap(kbpk, header, initialKey)).isNotEqualTo(block);
    }

    @Test
    void roundTripWithAes192KbpkAndLongOptionalBlock() {
        KeyBytes kbpk = KeyBytes.fromHex("0123456789ABCDEF".repeat(3), "KBPK");
        KeyBytes key = KeyBytes.fromHex("AA".repeat(32), "key");
        KeyBlockHeader header = KeyBlockHeader.of("D0", 'A', 'B')
                .withOptionalBlock("KS", "FFFF9876543210E00000")
                .withOptionalBlock("LB", "x".repeat(300));
        UnwrappedKey unwrapped = KeyBlocks.unwrap(kbpk, KeyBlocks.wrap(kbpk, header, key));
        assertThat(unwrapped.key().toHex()).isEqualTo("AA".repeat(32));
        assertThat(unwrapped.header().optionalBlock("KS")).contains("FFFF9876543210E00000");
        assertThat(unwrapped.header().optionalBlock("LB")).contains("x".repeat(300));
    }

    @Test
    void hidingTheKeyLengthPadsAnAes128KeyLikeAnAes256One() {
        KeyBytes kbpk = KeyBytes.fromHex("00112233445566778899AABBCCDDEEFF", "KBPK");
        KeyBlockHeader header = KeyBlockHeader.of("P0", 'A', 'E');
        String short128 = KeyBlocks.wrap(kbpk, header, KeyBytes.fromHex("11".repeat(16), "key"), true);
        String long256 = KeyBlocks.wrap(kbpk, header, KeyBytes.fromHex("22".repeat(32), "key"), true);
        String revealing = KeyBlocks.wrap(kbpk, header, KeyBytes.fromHex("11".repeat(16), "key"));

        assertThat(short128).hasSameSizeAs(long256).hasSize(16 + 96 + 32);
        assertThat(revealing).hasSize(16 + 64 + 32);
        assertThat(KeyBlocks.unwrap(kbpk, short128).key().toHex()).isEqualTo("11".repeat(16));
        assertThat(KeyBlocks.unwrap(kbpk, revealing).key().toHex()).isEqualTo("11".repeat(16));
        String tdes =
                KeyBlocks.wrap(kbpk, KeyBlockHeader.of("P0", 'T', 'E'), KeyBytes.fromHex("33".repeat(16), "k"), true);
        assertThat(tdes).hasSize(16 + 64 + 32); // 2 + 24 bytes round up to 32
    }

    @Test
    void tamperingWithHeaderCiphertextOrMacIsRejected() {
        KeyBytes kbpk = KeyBytes.fromHex("00112233445566778899AABBCCDDEEFF", "KBPK");
        KeyBytes key = KeyBytes.fromHex("1273671EA26AC29AFA4D1084127652A1", "key");
        String block = KeyBlocks.wrap(kbpk, KeyBlockHeader.of("B1", 'A', 'X'), key);

        String headerChanged = block.substring(0, 11) + 'N' + block.substring(12); // exportability E -> N
        String ciphertextChanged = flipHexDigit(block, 20);
        String macChanged = flipHexDigit(block, block.length() - 1);
        for (String tampered : new String[] {headerChanged, ciphertextChanged, macChanged}) {
            assertThatThrownBy(() -> KeyBlocks.unwrap(kbpk, tampered))
                    .isInstanceOf(InvalidKeyBlockException.class)
                    .hasMessage("key block MAC does not verify: the block was altered or the KBPK is wrong");
        }
        KeyBytes otherKbpk = KeyBytes.fromHex("FF112233445566778899AABBCCDDEEFF", "KBPK");
        assertThatThrownBy(() -> KeyBlocks.unwrap(otherKbpk, block))
                .isInstanceOf(InvalidKeyBlockException.class)
                .hasMessageNotContaining("1273671E");
    }

    @Test
    void malformedBlocksAreRejectedClearly() {
        KeyBytes kbpk = KeyBytes.fromHex("00112233445566778899AABBCCDDEEFF", "KBPK");
        String block = KeyBlocks.wrap(
                kbpk, KeyBlockHeader.of("B1", 'A', 'X'), KeyBytes.fromHex("1273671EA26AC29AFA4D1084127652A1", "key"));
        assertThatThrownBy(() -> KeyBlocks.unwrap(kbpk, "B" + block.substring(1)))
                .hasMessageContaining("only D");
        assertThatThrownBy(() -> KeyBlocks.unwrap(kbpk, block.substring(0, block.length() - 2)))
                .hasMessageContaining("length field");
        assertThatThrownBy(() -> KeyBlocks.unwrap(kbpk, block.substring(0, 30) + "ZZ" + block.substring(32)))
                .hasMessage("key data and MAC must be hexadecimal");
    }

    private static String flipHexDigit(String s, int index) {
        char c = s.charAt(index);
        char flipped = c == '0' ? '1' : '0';
        return s.substring(0, index) + flipped + s.substring(index + 1);
    }
}

package id.lapak.cardcrypto.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The published vectors through the command line, and its exit codes. */
class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Main main = new Main(
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void aesInitialKey() {
        assertThat(main.run(
                        "dukpt",
                        "initial-key",
                        "--alg",
                        "aes128",
                        "--bdk",
                        "fedcba9876543210f1f1f1f1f1f1f1f1",
                        "--ksn",
                        "123456789012345600000001"))
                .isEqualTo(Main.OK);
        assertThat(stdout()).isEqualTo("1273671EA26AC29AFA4D1084127652A1\n");
        assertThat(stderr()).isEmpty();
    }

    @Test
    void tdesInitialKey() {
        assertThat(main.run(
                        "dukpt",
                        "initial-key",
                        "--alg",
                        "TDES",
                        "--bdk=0123456789ABCDEFFEDCBA9876543210",
                        "--ksn",
                        "FFFF9876543210E00000"))
                .isEqualTo(Main.OK);
        assertThat(stdout()).isEqualTo("6AC292FAA1315B4D858AB3A3D7D5933A\n");
    }

    @Test
    void workingKeys() {
        assertThat(main.run(
                        "dukpt",
                        "working-key",
                        "--alg",
                        "tdes",
                        "--bdk",
                        "0123456789ABCDEFFEDCBA9876543210",
                        "--ksn",
                        "FFFF9876543210E00001",
                        "--usage",
                        "pin"))
                .isEqualTo(Main.OK);
        assertThat(main.run(
                        "dukpt",
                        "working-key",
                        "--alg",
                        "tdes",
                        "--bdk",
                        "0123456789ABCDEFFEDCBA9876543210",
                        "--ksn",
                        "FFFF9876543210E00008",
                        "--usage",
                        "data-encrypt"))
                .isEqualTo(Main.OK);
        assertThat(main.run(
                        "dukpt",
                        "working-key",
                        "--alg",
                        "aes128",
                        "--bdk",
                        "FEDCBA9876543210F1F1F1F1F1F1F1F1",
                        "--ksn",
                        "123456789012345600000001",
                        "--usage",
                        "mac-gen"))
                .isEqualTo(Main.OK);
        assertThat(stdout()).isEqualTo("""
                042666B49184CF5C68DE9628D0397B36
                C39B2778B058AC376FB18DC906F75CBA
                A2DC23DE6FDE0824A2BC321E08E4B8B7
                """);
    }

    @Test
    void checkValues() {
        assertThat(main.run("kcv", "--alg", "aes128", "--key", "3F419E1CB7079442AA37474C2EFBF8B8"))
                .isZero();
        assertThat(main.run("kcv", "--alg", "tdes", "--key", "F039121BEC83D26B169BDCD5B22AAF8F"))
                .isZero();
        assertThat(stdout()).startsWith("08793E").endsWith("\nCB9DEA\n");
    }

    @Test
    void unwrapsThePublishedKeyBlock() {
        assertThat(main.run(
                        "tr31",
                        "unwrap",
                        "--kbpk",
                        "88E1AB2A2E3DD38C1FA039A536500CC8A87AB9D62DC92C01058FA79F44657DE6",
                        "D0112P0AE00E0000B82679114F470F540165EDFBF7E250FCEA43F810D215F8D207E2E417C07156A27E8E31DA05F742550"
                                + "9593D03A457DC34"))
                .isEqualTo(Main.OK);
        assertThat(stdout()).isEqualTo("""
                version: D
                key usage: P0
                algorithm: A
                mode of use: E
                key version: 00
                exportability: E
                key context: 0
                3F419E1CB7079442AA37474C2EFBF8B8
                """);
    }

    @Test
    void wrapThenUnwrapAnInitialKey() {
        assertThat(main.run(
                        "tr31",
                        "wrap",
                        "--kbpk",
                        "00112233445566778899AABBCCDDEEFF",
                        "--key",
                        "1273671EA26AC29AFA4D1084127652A1",
                        "--usage",
                        "B1",
                        "--algorithm",
                        "A",
                        "--mode",
                        "X",
                        "--ik",
                        "1234567890123456"))
                .isZero();
        String block = stdout().trim();
        out.reset();
        assertThat(main.run("tr31", "unwrap", "--kbpk", "00112233445566778899aabbccddeeff", block))
                .isZero();
        assertThat(stdout())
                .contains("key usage: B1\n", "optional block IK: 1234567890123456\n")
                .endsWith("\n1273671EA26AC29AFA4D1084127652A1\n");
    }

    @Test
    void wrapWritesTheHeaderBlocksAKeyCustodianAsksForAndUnwrapReadsThemBack(@TempDir Path dir) throws Exception {
        var example = new java.util.Properties();
        try (var in = MainTest.class.getResourceAsStream("/x9143/example-8.5.properties")) {
            example.load(in);
        }
        String block85 = example.getProperty("block");
        String certificate = block85.substring(block85.indexOf("CT0004050000") + 12, block85.indexOf("KP10"));
        Path pem = dir.resolve("client.pem");
        Files.writeString(
                pem,
                "-----BEGIN CERTIFICATE-----\n" + certificate.replaceAll("(.{64})", "$1\n")
                        + "\n-----END CERTIFICATE-----\n");

        assertThat(main.run(
                        "tr31",
                        "wrap",
                        "--kbpk",
                        "88E1AB2A2E3DD38C1FA039A536500CC8A87AB9D62DC92C01058FA79F44657DE6",
                        "--key",
                        "3F419E1CB7079442AA37474C2EFBF8B8",
                        "--usage",
                        "M7",
                        "--algorithm",
                        "A",
                        "--mode",
                        "C",
                        "--kc",
                        "cmac",
                        "--kp",
                        "cmac",
                        "--hm",
                        "sha256",
                        "--ts",
                        "20261202101500Z",
                        "--ct",
                        pem.toString()))
                .as(stderr())
                .isZero();
        String block = stdout().trim();
        assertThat(block).contains("KC1001" + "08793E25AB", "HM0621", "TS1320261202101500Z", "CT0004");
        out.reset();
        assertThat(main.run(
                        "tr31",
                        "unwrap",
                        "--kbpk",
                        "88E1AB2A2E3DD38C1FA039A536500CC8A87AB9D62DC92C01058FA79F44657DE6",
                        block))
                .isZero();
        assertThat(stdout())
                .contains(
                        "optional block KC: 0108793E25AB\n",
                        "optional block HM: 21\n",
                        "optional block TS: 20261202101500Z\n",
                        "optional block CT: 00" + certificate + "\n",
                        "optional block KP: 012331550BC9\n")
                .endsWith("\n3F419E1CB7079442AA37474C2EFBF8B8\n");
        // The key length is hidden by default: 2 + 32 bytes of key data for a 16-byte key.
        String withoutHeaderBlocks = block.substring(block.lastIndexOf("PB"));
        int pbLength = Integer.parseInt(withoutHeaderBlocks.substring(2, 4), 16);
        assertThat(withoutHeaderBlocks.length() - pbLength).isEqualTo(96 + 32);
    }

    @Test
    void wrapRefusesOptionalBlockDataX9143DoesNotAllow() {
        assertThat(main.run(
                        "tr31",
                        "wrap",
                        "--kbpk",
                        "00112233445566778899AABBCCDDEEFF",
                        "--key",
                        "1273671EA26AC29AFA4D1084127652A1",
                        "--usage",
                        "B1",
                        "--algorithm",
                        "A",
                        "--mode",
                        "X",
                        "--ts",
                        "2026-13-01"))
                .isEqualTo(Main.BAD_DATA);
        assertThat(stderr()).contains("optional block TS");
        assertThat(main.run(
                        "tr31",
                        "wrap",
                        "--kbpk",
                        "00112233445566778899AABBCCDDEEFF",
                        "--key",
                        "1273671EA26AC29AFA4D1084127652A1",
                        "--usage",
                        "B1",
                        "--algorithm",
                        "A",
                        "--mode",
                        "X",
                        "--key-length",
                        "maybe"))
                .isEqualTo(Main.USAGE);
        assertThat(stdout()).isEmpty();
    }

    @Test
    void aTamperedKeyBlockIsBadData() {
        String block = "D0112P0AE00E0000B82679114F470F540165EDFBF7E250FCEA43F810D215F8D207E2E417C07156A27E8E31DA05F"
                + "7425509593D03A457DC35";
        assertThat(main.run(
                        "tr31",
                        "unwrap",
                        "--kbpk",
                        "88E1AB2A2E3DD38C1FA039A536500CC8A87AB9D62DC92C01058FA79F44657DE6",
                        block))
                .isEqualTo(Main.BAD_DATA);
        assertThat(stdout()).isEmpty();
        assertThat(stderr()).contains("MAC does not verify");
    }

    @Test
    void badDataExitsWith65WithoutEchoingTheKey() {
        assertThat(main.run("kcv", "--alg", "aes128", "--key", "3F419E1CB7079442AA37474C2EFBF8"))
                .isEqualTo(65);
        assertThat(main.run(
                        "dukpt",
                        "working-key",
                        "--alg",
                        "aes128",
                        "--bdk",
                        "FEDCBA9876543210F1F1F1F1F1F1F1F1",
                        "--ksn",
                        "12345678901234560001FFFF",
                        "--usage",
                        "pin"))
                .isEqualTo(65);
        assertThat(stdout()).isEmpty();
        assertThat(stderr())
                .contains("must be 32 hex digits", "more than 16 one-bits")
                .doesNotContain("3F419E", "FEDCBA");
    }

    @Test
    void usageErrorsExitWith64() {
        assertThat(main.run()).isEqualTo(Main.USAGE);
        assertThat(main.run("dukpt", "initial-key", "--alg", "rsa", "--bdk", "00", "--ksn", "00"))
                .isEqualTo(64);
        assertThat(main.run(
                        "dukpt",
                        "working-key",
                        "--alg",
                        "tdes",
                        "--bdk",
                        "0123456789ABCDEFFEDCBA9876543210",
                        "--ksn",
                        "FFFF9876543210E00001",
                        "--usage",
                        "mac-verify"))
                .isEqualTo(64);
        assertThat(main.run("kcv", "--alg", "tdes", "0123456789ABCDEFFEDCBA9876543210"))
                .isEqualTo(64);
        assertThat(main.run("dukpt", "initial-key", "--alg", "tdes", "--ksn", "FFFF9876543210E00000"))
                .isEqualTo(64);
        assertThat(stdout()).isEmpty();
        assertThat(stderr()).contains("--bdk is required").doesNotContain("0123456789ABCDEF");
        assertThat(main.run("help")).isZero();
        assertThat(stdout()).contains("dukpt working-key");
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}

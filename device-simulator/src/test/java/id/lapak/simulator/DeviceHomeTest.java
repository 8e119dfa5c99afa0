package id.lapak.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceHomeTest {

    @TempDir
    Path temp;

    @Test
    void identityAndCachesSurviveAReload() {
        Path dir = temp.resolve("nested/home");
        var home = new DeviceHome(dir);
        KeyPair keys = DeviceClient.generateKeyPair();
        Pairing pairing = pairing(keys);

        home.savePairing(pairing, keys);
        home.saveToken(new CachedToken("token-1", Instant.parse("2026-11-25T14:10:00Z")));
        home.saveConfig(new CachedConfig(7, "\"v7\"", "{\"version\":7}"));

        var reloaded = new DeviceHome(dir);
        assertThat(reloaded.isPaired()).isTrue();
        assertThat(reloaded.pairing()).isEqualTo(pairing);
        assertThat(reloaded.keyPair().getPrivate().getEncoded())
                .isEqualTo(keys.getPrivate().getEncoded());
        assertThat(reloaded.keyPair().getPublic()).isEqualTo(keys.getPublic());
        assertThat(reloaded.token()).contains(new CachedToken("token-1", Instant.parse("2026-11-25T14:10:00Z")));
        assertThat(reloaded.config()).contains(new CachedConfig(7, "\"v7\"", "{\"version\":7}"));
    }

    @Test
    void aParsedFileIsKeptOnlyWhileNoOtherProcessReplacedIt() {
        Path dir = temp.resolve("home");
        var home = new DeviceHome(dir);
        home.saveToken(new CachedToken("token-1", Instant.parse("2026-11-25T14:10:00Z")));
        assertThat(home.token()).contains(new CachedToken("token-1", Instant.parse("2026-11-25T14:10:00Z")));

        // another process (another DeviceHome on the same folder) renews the token
        new DeviceHome(dir).saveToken(new CachedToken("token-2", Instant.parse("2026-11-25T15:10:00Z")));
        assertThat(home.token()).contains(new CachedToken("token-2", Instant.parse("2026-11-25T15:10:00Z")));

        new DeviceHome(dir).clearToken();
        assertThat(home.token()).isEmpty();
    }

    @Test
    void reservedCountersAreNeverHandedOutTwiceAndSkipCountersWithTooManyOneBits() {
        var home = new DeviceHome(temp.resolve("home"));
        home.saveReaderKey(new ReaderKey(
                "TDES", 1, "FFFF9876543210E00000", "000000", "RD-2", "d2", "6AC292FAA1315B4D858AB3A3D7D5933A"));

        long[] block = home.reserveTransactionCounters(2_100);
        long single = home.nextTransactionCounter();
        long[] again = new DeviceHome(temp.resolve("home")).reserveTransactionCounters(3);

        var all = new java.util.ArrayList<Long>();
        for (long counter : block) {
            all.add(counter);
        }
        all.add(single);
        for (long counter : again) {
            all.add(counter);
        }
        assertThat(all).doesNotHaveDuplicates().isSorted();
        assertThat(all).allSatisfy(counter -> assertThat(Long.bitCount(counter)).isLessThanOrEqualTo(10));
        assertThat(all).contains(1023L, 2046L, 2048L).doesNotContain(2047L); // 1023: ten one bits, 2047: eleven
        assertThatThrownBy(() -> home.reserveTransactionCounters(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void folderIsOwnerOnlyAndSoAreTheKeyAndToken() throws IOException {
        Path dir = temp.resolve("home");
        var home = new DeviceHome(dir);
        KeyPair keys = DeviceClient.generateKeyPair();

        home.savePairing(pairing(keys), keys);
        home.saveToken(new CachedToken("secret", Instant.now()));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("device.key"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("token.json"))))
                .isEqualTo("rw-------");
        assertThat(Files.readString(dir.resolve("device.json")))
                .as("the public record never carries the private key")
                .doesNotContain(java.util.Base64.getEncoder()
                        .encodeToString(keys.getPrivate().getEncoded()))
                .contains("\"pairedAt\" : \"2026-11-25T14:00:00Z\"");
    }

    @Test
    void pairingAgainDropsTheCachesOfTheOldIdentity() {
        var home = new DeviceHome(temp.resolve("home"));
        KeyPair first = DeviceClient.generateKeyPair();
        home.savePairing(pairing(first), first);
        home.saveToken(new CachedToken("old", Instant.now()));
        home.saveConfig(new CachedConfig(3, "\"v3\"", "{}"));

        KeyPair second = DeviceClient.generateKeyPair();
        home.savePairing(pairing(second), second);

        assertThat(home.token()).isEmpty();
        assertThat(home.config()).isEmpty();
        assertThat(home.keyPair().getPublic()).isEqualTo(second.getPublic());
    }

    @Test
    void anEmptyHomeIsNotPairedAndIsNotCreatedByReading() {
        Path dir = temp.resolve("never-written");
        var home = new DeviceHome(dir);

        assertThat(home.isPaired()).isFalse();
        assertThat(home.findPairing()).isEmpty();
        assertThat(home.token()).isEmpty();
        assertThatThrownBy(home::pairing)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not paired");
        assertThat(dir).doesNotExist();
    }

    private static Pairing pairing(KeyPair keys) {
        return new Pairing(
                URI.create("http://localhost:8080"),
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                "Kasir 1",
                "lapak-device-token",
                java.util.Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()),
                new DeviceFacts("Sunmi P2", "SN-0001", "Android 13", "1.4.0", "Lapak R1", "RD-0001"),
                Instant.parse("2026-11-25T14:00:00Z"));
    }
}

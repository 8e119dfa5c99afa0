package id.lapak.device.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The master keystore's location is a plain file path: the local default ({@code ../.lapak/master-key.p12}, relative
 * to the webapp folder) starts with "..", which a resource-style conversion refuses.
 */
class MasterKeyTest {

    @Test
    void aRelativeLocationGoingUpIsCreatedOnceAndOpensAgainWithTheSameKey() {
        String folder = "target/master-key-test-" + UUID.randomUUID();
        String location = "../" + Path.of("").toAbsolutePath().getFileName() + "/" + folder + "/master-key.p12";
        byte[] data = "bdk".getBytes(StandardCharsets.US_ASCII);
        byte[] context = "lapak reader bdk|test".getBytes(StandardCharsets.US_ASCII);

        MasterKey created = new MasterKey(location, "a-test-password");
        assertThat(Path.of(folder, "master-key.p12")).isRegularFile();
        byte[] wrapped = created.wrap(data, context);

        MasterKey reopened = new MasterKey(location, "a-test-password");
        assertThat(reopened.unwrap(wrapped, context)).isEqualTo(data);
        assertThatThrownBy(() -> new MasterKey(location, "another-password"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("a-test-password");
    }

    @Test
    void theLocalDefaultIsTheOneThisTestCovers() throws Exception {
        String properties = Files.readString(Path.of("src/main/resources/application.properties"));
        assertThat(properties).contains("lapak.keys.master-keystore=${LAPAK_KEYS_MASTER_KEYSTORE:../.lapak/");
    }
}

package id.lapak.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class DevelopmentDefaultsTest {

    private static MockEnvironment withDevSecrets() {
        MockEnvironment environment = new MockEnvironment();
        DevelopmentDefaults.DEV_VALUES.forEach((key, value) -> environment.setProperty(key, value[0]));
        return environment;
    }

    @Test
    void anExternalDeploymentWithAnyDevelopmentSecretRefusesToStartAndNamesIt() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty(
                        "lapak.device.token-key", DevelopmentDefaults.DEV_VALUES.get("lapak.device.token-key")[0])
                .withProperty("lapak.keys.master-password", "a-real-one");
        assertThatThrownBy(() -> new DevelopmentDefaults(environment).afterPropertiesSet())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lapak.device.token-key (LAPAK_DEVICE_TOKEN_KEY)")
                .hasMessageNotContaining("lapak.keys.master-password");
    }

    @Test
    void aLocalRunOrAnExplicitTestSystemStartsWithAWarning() {
        assertThatCode(() -> new DevelopmentDefaults(
                                withDevSecrets().withProperty(DevelopmentDefaults.LOCAL_RUN, "true"))
                        .afterPropertiesSet())
                .doesNotThrowAnyException();
        assertThatCode(() -> new DevelopmentDefaults(withDevSecrets().withProperty(DevelopmentDefaults.ALLOWED, "true"))
                        .afterPropertiesSet())
                .doesNotThrowAnyException();
        assertThat(DevelopmentDefaults.inUse(withDevSecrets())).hasSize(DevelopmentDefaults.DEV_VALUES.size());
    }

    @Test
    void realSecretsStartAnywhere() {
        MockEnvironment environment = new MockEnvironment();
        DevelopmentDefaults.DEV_VALUES.keySet().forEach(key -> environment.setProperty(key, "real-" + key));
        assertThatCode(() -> new DevelopmentDefaults(environment).afterPropertiesSet())
                .doesNotThrowAnyException();
    }

    @Test
    void theListedDevelopmentValuesAreTheOnesTheConfigurationShips() throws Exception {
        String properties = Files.readString(Path.of("src/main/resources/application.properties"));
        for (String key : new String[] {
            "lapak.device.token-key",
            "lapak.keys.master-password",
            "lapak.keycloak.client-secret",
            "lapak.keycloak.provisioner-secret",
            "lapak.database.platform.password",
            "lapak.database.tenant-context-key",
            "lapak.audit.chain-key",
            "lapak.audit.checkpoint-signing-key"
        }) {
            assertThat(properties)
                    .as(key)
                    .contains(":" + DevelopmentDefaults.DEV_VALUES.get(key)[0] + "}");
        }
    }
}

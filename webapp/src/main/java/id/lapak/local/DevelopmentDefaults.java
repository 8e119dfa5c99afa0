package id.lapak.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The secrets that have a public development default (in application.properties and the compose file): on a
 * developer's machine (the embedded database, or {@code lapak.dev-defaults.allowed=true}, as the compose file and the
 * tests set) they work with a warning naming each; anywhere else Lapak refuses to start and names the settings to
 * set. A device token forged with the public key would otherwise be accepted by a real deployment.
 */
@Component
class DevelopmentDefaults implements InitializingBean {

    static final String LOCAL_RUN = "lapak.local.embedded-database";
    static final String ALLOWED = "lapak.dev-defaults.allowed";

    /** Setting → its public development value (and the environment variable that replaces it). */
    static final Map<String, String[]> DEV_VALUES = Map.ofEntries(
            Map.entry(
                    "lapak.audit.chain-key",
                    new String[] {"ZGV2LW9ubHktYXVkaXQtY2hhaW4ta2V5LWNoYW5nZS1tZS1wbGVhc2U=", "LAPAK_AUDIT_CHAIN_KEY"}),
            Map.entry("lapak.audit.checkpoint-signing-key", new String[] {
                "MC4CAQAwBQYDK2VwBCIEIGS78oyrc2U0WEnHIjgD5uVmr4dot4mmPjPTQCyIIEEt", "LAPAK_AUDIT_CHECKPOINT_SIGNING_KEY"
            }),
            Map.entry("lapak.device.token-key", new String[] {
                "ZGV2LW9ubHktZGV2aWNlLXRva2VuLWtleS1jaGFuZ2UtbWUtcGxlYXNl", "LAPAK_DEVICE_TOKEN_KEY"
            }),
            Map.entry(
                    "lapak.keys.master-password",
                    new String[] {"dev-only-master-password-change-me", "LAPAK_KEYS_MASTER_PASSWORD"}),
            Map.entry(
                    "lapak.keycloak.client-secret", new String[] {"lapak-portal-dev-secret", "KEYCLOAK_CLIENT_SECRET"}),
            Map.entry(
                    "lapak.keycloak.provisioner-secret",
                    new String[] {"lapak-provisioner-dev-secret", "KEYCLOAK_PROVISIONER_SECRET"}),
            Map.entry("spring.datasource.password", new String[] {"lapak_app", "SPRING_DATASOURCE_PASSWORD"}),
            Map.entry(
                    "lapak.database.platform.password",
                    new String[] {"lapak_platform", "LAPAK_DATABASE_PLATFORM_PASSWORD"}),
            Map.entry(
                    "lapak.database.tenant-context-key",
                    new String[] {"ZGV2LW9ubHktdGVuYW50LWNvbnRleHQta2V5LWNoYW5nZS1tZQ==", "LAPAK_TENANT_CONTEXT_KEY"}),
            Map.entry("spring.flyway.password", new String[] {"lapak_owner", "SPRING_FLYWAY_PASSWORD"}));

    private static final Logger log = LoggerFactory.getLogger(DevelopmentDefaults.class);

    private final Environment environment;

    DevelopmentDefaults(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> inUse = inUse(environment);
        if (inUse.isEmpty()) {
            return;
        }
        boolean allowed = environment.getProperty(LOCAL_RUN, Boolean.class, false)
                || environment.getProperty(ALLOWED, Boolean.class, false);
        if (!allowed) {
            throw new IllegalStateException("Refusing to start with development secrets outside a developer's "
                    + "machine; set " + String.join(", ", inUse) + " (or " + ALLOWED + "=true on a test system)");
        }
        log.warn("DEVELOPMENT ONLY: these settings use their public development values: {}", String.join(", ", inUse));
    }

    /** The settings (with their environment variables) whose value is the public development default. */
    static List<String> inUse(Environment environment) {
        List<String> inUse = new ArrayList<>();
        DEV_VALUES.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            if (Objects.equals(environment.getProperty(entry.getKey()), entry.getValue()[0])) {
                inUse.add(entry.getKey() + " (" + entry.getValue()[1] + ")");
            }
        });
        return inUse;
    }
}

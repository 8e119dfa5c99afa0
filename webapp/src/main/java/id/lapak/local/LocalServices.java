package id.lapak.local;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Starts what the local run needs before the context is built. With {@code spring.datasource.url} set, no
 * database is started; with {@code lapak.keycloak.url} (env {@code KEYCLOAK_URL}) set, no Keycloak is started.
 */
class LocalServices implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> properties = new HashMap<>();
        if (!StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            String dataDir = environment.getProperty("lapak.embedded-postgres.data-dir", "");
            int port = environment.getProperty("lapak.embedded-postgres.port", Integer.class, 54329);
            LocalPostgres postgres = LocalPostgres.start(StringUtils.hasText(dataDir) ? Path.of(dataDir) : null, port);
            properties.put("spring.datasource.url", postgres.jdbcUrl());
            properties.put("spring.datasource.username", LocalPostgres.APP_ROLE);
            properties.put("spring.datasource.password", LocalPostgres.APP_ROLE);
            properties.put("lapak.database.platform.username", LocalPostgres.PLATFORM_ROLE);
            properties.put("lapak.database.platform.password", LocalPostgres.PLATFORM_ROLE);
            properties.put("spring.flyway.url", postgres.jdbcUrl());
            properties.put("spring.flyway.user", LocalPostgres.OWNER_ROLE);
            properties.put("spring.flyway.password", LocalPostgres.OWNER_ROLE);
            // A run on the embedded database is a developer's machine: dev-only defaults are allowed (with a warning).
            properties.put(DevelopmentDefaults.LOCAL_RUN, "true");
        }
        if (!StringUtils.hasText(environment.getProperty("lapak.keycloak.url"))) {
            LocalKeycloak keycloak = LocalKeycloak.start(
                    Path.of(environment.getRequiredProperty("lapak.keycloak.local.home")),
                    environment.getProperty("lapak.keycloak.local.port", Integer.class, 8180),
                    environment.getProperty("lapak.keycloak.local.management-port", Integer.class, 9000),
                    environment.getProperty("lapak.keycloak.realm", "lapak"),
                    environment.getProperty("lapak.keycloak.local.persistent", Boolean.class, true),
                    "http://localhost:" + environment.getProperty("server.port", "8080"));
            properties.put("lapak.keycloak.url", keycloak.url());
        }
        if (!properties.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource("lapakLocalServices", properties));
        }
    }
}

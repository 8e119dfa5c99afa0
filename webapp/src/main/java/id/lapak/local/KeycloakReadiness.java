package id.lapak.local;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells the person who started Lapak when they can log in: the portal is up and the local Keycloak answers. */
@Component
class KeycloakReadiness {

    private static final Logger log = LoggerFactory.getLogger(KeycloakReadiness.class);

    private final Environment environment;

    KeycloakReadiness(Environment environment) {
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void whenReady() {
        LocalKeycloak keycloak = LocalKeycloak.current();
        if (keycloak != null) {
            keycloak.awaitReady(Duration.ofMinutes(3));
            log.info(
                    "Lapak is ready: portal at http://localhost:{} (Keycloak at {})",
                    environment.getProperty("local.server.port", environment.getProperty("server.port", "8080")),
                    keycloak.url());
        }
    }
}

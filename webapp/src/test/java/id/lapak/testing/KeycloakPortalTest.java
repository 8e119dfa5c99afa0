package id.lapak.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The portal on a real port (18083) with a real Keycloak (8183 when this starts it, else the one the test JVM already
 * runs; the realm file, in memory, posting back-channel
 * logouts to this portal) and the demo tenants: for tests that log in as a browser would, over HTTP
 * ({@link PortalHttp}). Every class with this annotation shares one application and one Keycloak.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {
            "server.port=18083",
            "lapak.keycloak.url=",
            "lapak.keycloak.local.port=8183",
            "lapak.keycloak.local.management-port=9003",
            "lapak.keycloak.local.persistent=false",
            "lapak.demo.enabled=true",
            // A fixed path, so a second node started by a test reads the same master key.
            "lapak.keys.master-keystore=target/test-keys/keycloak-portal-master-key.p12"
        })
@ActiveProfiles("test")
// The portal's filters read the static security context holder: with other application contexts cached in the same
// JVM it must hold this context's strategy (see SameSecurityContextStrategy).
@ExtendWith(SameSecurityContextStrategy.class)
public @interface KeycloakPortalTest {}

package id.lapak.security;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.local.LocalKeycloak;
import id.lapak.testing.KeycloakPortalTest;
import id.lapak.testing.PortalHttp;
import id.lapak.testing.SecondNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * OIDC Back-Channel Logout against a real Keycloak and the portal on a real port: a cashier logs in through
 * Keycloak's login form; when Keycloak ends their login session (here an administrator in Keycloak's own admin API,
 * as "log out everywhere" or a session expiry would), Keycloak posts a signed logout token to the portal, the ended
 * session is recorded in the database, and the cashier's next portal request is sent back to the login page — on
 * any node, because every node reads the same table (a second node in its own JVM shows it).
 */
@KeycloakPortalTest
class KeycloakSessionEndIntegrationTest {

    /** Named in the realm's redirect addresses, like the first node's 18083. */
    private static final int SECOND_NODE_PORT = 18084;

    @Autowired
    JdbcClient jdbc;

    @Value("${spring.datasource.url}")
    String databaseUrl;

    @Value("${lapak.keys.master-keystore}")
    String masterKeystore;

    @BeforeEach
    void keycloakIsUp() throws Exception {
        LocalKeycloak.current().awaitReady(Duration.ofMinutes(4));
        PortalHttp.Admin.backChannelLogoutTo(PortalHttp.PORTAL);
    }

    @Test
    void whenKeycloakEndsTheLoginSessionThePortalSessionEndsAtItsNextRequest() throws Exception {
        PortalHttp cashier = new PortalHttp();
        HttpResponse<String> landed = cashier.login("maju.cashier", "lapak-demo-2026");
        assertThat(landed.uri().toString()).startsWith(PortalHttp.PORTAL);
        assertThat(landed.statusCode()).isEqualTo(200);
        assertThat(cashier.get("/").statusCode())
                .as("a portal page while logged in")
                .isEqualTo(200);

        String userId = PortalHttp.Admin.userId("maju.cashier");
        PortalHttp.Admin.post("/admin/realms/lapak/users/" + userId + "/logout");

        assertThat(jdbc.sql("select count(*) from login_session_revocation where subject = ?")
                        .param(userId)
                        .query(Long.class)
                        .single())
                .as("the logout token Keycloak posted was recorded")
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from access_revocation where subject = ?")
                        .param(userId)
                        .query(Long.class)
                        .single())
                .as("only that login session, not a change of the person's access")
                .isZero();
        HttpResponse<String> next = cashier.get("/");
        assertThat(next.statusCode())
                .as("the next request of the ended session")
                .isEqualTo(302);
        HttpResponse<String> followed = cashier.follow("/");
        assertThat(followed.uri().toString())
                .startsWith(PortalHttp.keycloak() + "/realms/lapak/protocol/openid-connect/auth");
        assertThat(followed.body()).contains("kc-form-login");

        // Logging in again gives a new Keycloak session, which is not ended.
        assertThat(cashier.login("maju.cashier", "lapak-demo-2026").uri().toString())
                .startsWith(PortalHttp.PORTAL);
        assertThat(cashier.get("/").statusCode()).isEqualTo(200);
    }

    /**
     * Keycloak posts the logout token to one node (the address in the realm); a session the person holds on another
     * node ends too, because every node's filter reads the recorded logout.
     */
    @Test
    void aSessionOnASecondNodeEndsWhenKeycloakPostsTheLogoutToTheFirst() throws Exception {
        Path work = Files.createTempDirectory("lapak-second-node");
        try (SecondNode nodeB = SecondNode.start(
                SECOND_NODE_PORT,
                databaseUrl,
                Path.of(masterKeystore),
                work,
                "--lapak.keycloak.url=" + PortalHttp.keycloak())) {
            nodeB.awaitHealthy(Duration.ofMinutes(4));
            PortalHttp onB = new PortalHttp(nodeB.url().toString());
            assertThat(onB.login("maju.cashier", "lapak-demo-2026").uri().toString())
                    .startsWith(nodeB.url().toString());
            assertThat(onB.get("/").statusCode())
                    .as("a page on node B while logged in")
                    .isEqualTo(200);

            String userId = PortalHttp.Admin.userId("maju.cashier");
            PortalHttp.Admin.post("/admin/realms/lapak/users/" + userId + "/logout");

            assertThat(onB.get("/").statusCode())
                    .as("node B's next request of the ended session")
                    .isEqualTo(302);
            assertThat(onB.follow("/").uri().toString())
                    .startsWith(PortalHttp.keycloak() + "/realms/lapak/protocol/openid-connect/auth");
        }
    }

    @Test
    void aLogoutTokenNotSignedByKeycloakIsRefusedAndEndsNothing() throws Exception {
        String forged =
                "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwOi8vbG9jYWxob3N0OjgxODMvcmVhbG1zL2xhcGFrIiwic2lkIjoiZm9yZ2VkIn0.c2ln";
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(PortalHttp.PORTAL + "/logout/connect/back-channel/keycloak"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("logout_token=" + forged))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from login_session_revocation where sid = 'forged'")
                        .query(Long.class)
                        .single())
                .isZero();
    }
}

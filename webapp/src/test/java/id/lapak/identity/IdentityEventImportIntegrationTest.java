package id.lapak.identity;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.local.LocalKeycloak;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.testing.KeycloakPortalTest;
import id.lapak.testing.PortalHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keycloak's security events reach Lapak's audit log, against the real Keycloak: wrong passwords typed into
 * Keycloak's login form become "failed login" entries in the person's tenant chain (and, for a name nobody has, in
 * the platform chain), a burst of failures locks the person out and that is audited too, and importing again audits
 * nothing twice.
 */
@KeycloakPortalTest
class IdentityEventImportIntegrationTest {

    @Autowired
    IdentityEventImport events;

    @Autowired
    PlatformAccess platform;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void keycloakIsUp() {
        LocalKeycloak.current().awaitReady(Duration.ofMinutes(4));
    }

    @Test
    void failedLoginsAndLockoutsAreAuditedInThePersonsTenantExactlyOnce() throws Exception {
        UUID sejahtera = platform.call(
                "test: find the demo tenant",
                () -> jdbc.sql("select id from tenant where name = 'Kopi Sejahtera'")
                        .query(UUID.class)
                        .single());
        PortalHttp attacker = new PortalHttp();
        assertThat(attacker.login("sejahtera.admin", "not-the-password-1").body())
                .contains("kc-form-login");
        // A second failure within a second: Keycloak's brute-force detection locks the account for a while.
        assertThat(attacker.login("sejahtera.admin", "not-the-password-2").body())
                .contains("kc-form-login");
        attacker.login("nobody.at.all", "whatever-it-is");

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (entries(sejahtera, IdentityEvents.LOCKED_OUT_TEMPORARILY).isEmpty() && System.nanoTime() < deadline) {
            events.importNew();
            Thread.sleep(500);
        }

        List<Map<String, Object>> failed = entries(sejahtera, IdentityEvents.LOGIN_FAILED);
        assertThat(failed).hasSizeGreaterThanOrEqualTo(2);
        assertThat(failed.getFirst().get("actor_name")).isEqualTo("sejahtera.admin");
        assertThat((String) failed.getFirst().get("details")).contains("invalid_user_credentials");
        assertThat(entries(sejahtera, IdentityEvents.LOCKED_OUT_TEMPORARILY))
                .as("the lockout")
                .hasSize(1);
        assertThat(entries(null, IdentityEvents.LOGIN_FAILED))
                .as("an unknown name, in the platform chain")
                .anySatisfy(entry -> assertThat(entry.get("actor_name")).isEqualTo("nobody.at.all"));

        long audited = count();
        assertThat(events.importNew()).as("a second import").isZero();
        assertThat(count()).isEqualTo(audited);
        assertThat(jdbc.sql("select count(*) from identity_event_import where imported_at > ?")
                        .param(java.sql.Timestamp.from(Instant.now().minusSeconds(120)))
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(3);
    }

    private List<Map<String, Object>> entries(UUID tenant, String action) {
        return platform.call(
                "test: read audit entries",
                () -> jdbc.sql("""
                        select actor_name, details, tenant_id from audit_entry
                        where action = ? and tenant_id is not distinct from ? order by seq""").params(action, tenant).query().listOfRows());
    }

    private long count() {
        return platform.call(
                "test: count audit entries",
                () -> jdbc.sql("select count(*) from audit_entry where action like 'identity.%'")
                        .query(Long.class)
                        .single());
    }
}

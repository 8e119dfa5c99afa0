package id.lapak.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapak.tenant.NewTenant;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.testing.IntegrationTest;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** Keycloak says who someone is; Lapak decides whether they may use the portal and as what. */
@IntegrationTest
class LoginPolicyIntegrationTest {

    @Autowired
    LapakOidcUserService users;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    PlatformAccess platform;

    @Autowired
    JdbcClient jdbc;

    UUID tenant;

    @BeforeEach
    void knownTenant() {
        tenant = UUID.randomUUID();
        tenants.createIfMissing(new NewTenant(tenant, "Login " + tenant, "PT Login", "ID", null, null), "test setup");
    }

    @Test
    void tenantUserWithAKnownActiveTenantIsAdmittedWithRolesAndStores() {
        UUID store = UUID.randomUUID();
        LapakOidcUser user = users.admit(token(Map.of(
                "roles",
                List.of("STORE_MANAGER", "SOMETHING_ELSE"),
                "tenant_id",
                tenant.toString(),
                "store_ids",
                List.of(store.toString(), "not-a-uuid"))));
        assertThat(user.tenantId()).contains(tenant);
        assertThat(user.roles()).containsExactly(Role.STORE_MANAGER);
        assertThat(user.storeIds()).containsExactly(store);
        assertThat(user.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_STORE_MANAGER");
    }

    @Test
    void supportHasNoTenant() {
        LapakOidcUser user = users.admit(token(Map.of("roles", List.of("SUPPORT"))));
        assertThat(user.tenantId()).isEmpty();
        assertThat(user.roles()).containsExactly(Role.SUPPORT);
    }

    @Test
    void refusals() {
        assertRefused(Map.of("tenant_id", tenant.toString()), "no_role");
        assertRefused(Map.of("roles", List.of("MERCHANT_ADMIN")), "no_tenant");
        assertRefused(Map.of("roles", List.of("MERCHANT_ADMIN"), "tenant_id", "garbage"), "no_tenant");
        assertRefused(
                Map.of(
                        "roles",
                        List.of("MERCHANT_ADMIN"),
                        "tenant_id",
                        UUID.randomUUID().toString()),
                "unknown_tenant");
        assertRefused(Map.of("roles", List.of("SUPPORT"), "tenant_id", tenant.toString()), "support_with_tenant");
        assertRefused(Map.of("roles", List.of("SUPPORT", "MERCHANT_ADMIN")), "support_with_tenant");
    }

    @Test
    void usersOfASuspendedTenantAreRefused() {
        platform.run(
                "test: suspend tenant",
                () -> jdbc.sql("update tenant set status = 'SUSPENDED' where id = ?")
                        .param(tenant)
                        .update());
        assertRefused(Map.of("roles", List.of("MERCHANT_ADMIN"), "tenant_id", tenant.toString()), "tenant_suspended");
    }

    private void assertRefused(Map<String, Object> claims, String code) {
        assertThatThrownBy(() -> users.admit(token(claims)))
                .isInstanceOfSatisfying(
                        OAuth2AuthenticationException.class,
                        e -> assertThat(e.getError().getErrorCode()).isEqualTo(code));
    }

    private static OidcUser token(Map<String, Object> extra) {
        Map<String, Object> claims = new HashMap<>(extra);
        claims.put("sub", UUID.randomUUID().toString());
        claims.put("preferred_username", "someone");
        claims.put("iss", "http://localhost:8180/realms/lapak");
        OidcIdToken idToken =
                new OidcIdToken("token", Instant.now(), Instant.now().plusSeconds(300), claims);
        return new DefaultOidcUser(List.of(), idToken, "preferred_username");
    }
}

package id.lapak.security;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.store.StoreService;
import id.lapak.testing.IntegrationTest;
import id.lapak.testing.TestMerchants;
import id.lapak.testing.TestMerchants.Merchant;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;

/**
 * A person whose access changes loses their open portal sessions at the next request: the revocation is in the
 * database, so a second node (here: a second filter, as every node has its own) sees it just the same.
 */
@IntegrationTest
class AccessRevocationIntegrationTest {

    @Autowired
    AccessRevocations revocations;

    @Autowired
    ViewAs viewAs;

    @Autowired
    TenantStatusCheck tenantStatus;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    StoreService stores;

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aSessionThatBeganBeforeTheRevocationEndsAtItsNextRequestOnEveryNode() throws Exception {
        Merchant merchant = TestMerchants.create(tenants, stores, "Cabut");
        String subject = UUID.randomUUID().toString();
        Instant loggedIn = Instant.now().minusSeconds(60);
        PortalSessionFilter nodeA = new PortalSessionFilter(viewAs, tenantStatus, revocations);
        PortalSessionFilter nodeB = new PortalSessionFilter(viewAs, tenantStatus, revocations);

        assertThat(request(nodeB, subject, merchant.tenant(), loggedIn).getRedirectedUrl())
                .as("before")
                .isNull();

        revocations.revoke(subject);

        MockHttpServletResponse refused = request(nodeB, subject, merchant.tenant(), loggedIn);
        assertThat(refused.getRedirectedUrl()).isEqualTo("/");
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
        assertThat(request(nodeA, subject, merchant.tenant(), Instant.now().plusSeconds(1))
                        .getRedirectedUrl())
                .as("a session that began after the change works")
                .isNull();
        assertThat(request(nodeA, UUID.randomUUID().toString(), merchant.tenant(), loggedIn)
                        .getRedirectedUrl())
                .as("other people are not affected")
                .isNull();
    }

    private MockHttpServletResponse request(PortalSessionFilter filter, String subject, UUID tenant, Instant issuedAt)
            throws Exception {
        OidcIdToken token = new OidcIdToken(
                "t",
                issuedAt,
                issuedAt.plusSeconds(3600),
                Map.of("sub", subject, "preferred_username", "kasir", "iat", issuedAt));
        LapakOidcUser user = new LapakOidcUser(
                Set.of(new SimpleGrantedAuthority("ROLE_CASHIER")),
                token,
                null,
                tenant,
                Set.of(Role.CASHIER),
                Set.of());
        SecurityContextHolder.getContext()
                .setAuthentication(new OAuth2AuthenticationToken(
                        user, Set.of(new SimpleGrantedAuthority("ROLE_CASHIER")), "keycloak"));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/sales");
        MockHttpSession session = new MockHttpSession();
        request.setSession(session);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}

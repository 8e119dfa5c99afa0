package id.lapak.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import id.lapak.tenant.TenantDetails;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.Role;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Decides who may log in. Keycloak proves who the person is; the token's {@code roles}, {@code tenant_id} and
 * {@code store_ids} say what they are. A tenant user whose token has no tenant, or names a tenant Lapak does not
 * know or has suspended, is refused. Support staff have no tenant.
 */
@Component
class LapakOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private static final Logger log = LoggerFactory.getLogger(LapakOidcUserService.class);

    private final OidcUserService delegate = new OidcUserService();
    private final TenantDirectory tenants;

    LapakOidcUserService(TenantDirectory tenants) {
        this.tenants = tenants;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        return admit(delegate.loadUser(request));
    }

    /** The Lapak user for a person Keycloak authenticated, or the reason they may not log in. */
    LapakOidcUser admit(OidcUser oidc) {
        Set<Role> roles = roles(oidc.getClaimAsStringList("roles"));
        String username = oidc.getPreferredUsername();
        if (roles.isEmpty()) {
            throw refuse(username, LoginRefusal.NO_ROLE);
        }
        Optional<UUID> tenantId = uuid(oidc.getClaimAsString("tenant_id"));
        if (roles.contains(Role.SUPPORT)) {
            if (tenantId.isPresent() || roles.size() > 1) {
                throw refuse(username, LoginRefusal.SUPPORT_WITH_TENANT);
            }
            return user(oidc, null, roles, Set.of());
        }
        UUID tenant = tenantId.orElseThrow(() -> refuse(username, LoginRefusal.NO_TENANT));
        TenantDetails details = tenants.findForLogin(tenant)
                .orElseThrow(() -> refuse(username, LoginRefusal.UNKNOWN_TENANT));
        if (!details.active()) {
            throw refuse(username, LoginRefusal.TENANT_SUSPENDED);
        }
        Set<UUID> stores = new HashSet<>();
        Optional.ofNullable(oidc.getClaimAsStringList("store_ids")).orElse(List.of())
                .forEach(s -> uuid(s).ifPresent(stores::add));
        return user(oidc, tenant, roles, stores);
    }

    private static LapakOidcUser user(OidcUser oidc, UUID tenant, Set<Role> roles, Set<UUID> stores) {
        Collection<GrantedAuthority> authorities = roles.stream()
                .<GrantedAuthority>map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        return new LapakOidcUser(authorities, oidc.getIdToken(), oidc.getUserInfo(), tenant, roles, stores);
    }

    private static org.springframework.security.oauth2.core.OAuth2AuthenticationException refuse(String username,
                                                                                              LoginRefusal refusal) {
        log.warn("Login refused for {}: {}", username, refusal);
        return refusal.exception();
    }

    private static Set<Role> roles(List<String> claim) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (claim != null) {
            for (String name : claim) {
                for (Role role : Role.values()) {
                    if (role.name().equals(name)) {
                        roles.add(role);
                    }
                }
            }
        }
        return roles;
    }

    private static Optional<UUID> uuid(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

package id.lapak.security;

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
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Who may use Lapak, whatever the door (portal login or API bearer token): Keycloak proves who the person is; the
 * token's {@code roles}, {@code tenant_id} and {@code store_ids} say what they are. A tenant user needs a known,
 * active tenant; support staff have none.
 */
@Component
class LoginPolicy {

    private static final Logger log = LoggerFactory.getLogger(LoginPolicy.class);

    record Admission(UUID tenantId, Set<Role> roles, Set<UUID> storeIds) {
    }

    private final TenantDirectory tenants;

    LoginPolicy(TenantDirectory tenants) {
        this.tenants = tenants;
    }

    Admission admit(ClaimAccessor claims, String username) {
        Set<Role> roles = roles(claims.getClaimAsStringList("roles"));
        if (roles.isEmpty()) {
            throw refuse(username, LoginRefusal.NO_ROLE);
        }
        Optional<UUID> tenantId = uuid(claims.getClaimAsString("tenant_id"));
        if (roles.contains(Role.SUPPORT)) {
            if (tenantId.isPresent() || roles.size() > 1) {
                throw refuse(username, LoginRefusal.SUPPORT_WITH_TENANT);
            }
            return new Admission(null, roles, Set.of());
        }
        UUID tenant = tenantId.orElseThrow(() -> refuse(username, LoginRefusal.NO_TENANT));
        TenantDetails details = tenants.findForLogin(tenant)
                .orElseThrow(() -> refuse(username, LoginRefusal.UNKNOWN_TENANT));
        if (!details.active()) {
            throw refuse(username, LoginRefusal.TENANT_SUSPENDED);
        }
        Set<UUID> stores = new HashSet<>();
        Optional.ofNullable(claims.getClaimAsStringList("store_ids")).orElse(List.of())
                .forEach(s -> uuid(s).ifPresent(stores::add));
        return new Admission(tenant, roles, stores);
    }

    private static OAuth2AuthenticationException refuse(String username, LoginRefusal refusal) {
        log.warn("Access refused for {}: {}", username, refusal);
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

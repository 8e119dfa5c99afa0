package id.lapak.security;

import id.lapak.tenant.TenantDetails;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.audit.AuditActor;
import id.lapak.tenant.audit.AuditEvent;
import id.lapak.tenant.audit.AuditLog;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
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

    record Admission(UUID tenantId, Set<Role> roles, Set<UUID> storeIds) {}

    private final TenantDirectory tenants;
    private final AuditLog audit;

    LoginPolicy(TenantDirectory tenants, AuditLog audit) {
        this.tenants = tenants;
        this.audit = audit;
    }

    Admission admit(ClaimAccessor claims, String username) {
        Set<Role> roles = roles(claims.getClaimAsStringList("roles"));
        if (roles.isEmpty()) {
            throw refuse(claims, username, null, LoginRefusal.NO_ROLE);
        }
        Optional<UUID> tenantId = uuid(claims.getClaimAsString("tenant_id"));
        if (roles.contains(Role.SUPPORT)) {
            if (tenantId.isPresent() || roles.size() > 1) {
                throw refuse(claims, username, null, LoginRefusal.SUPPORT_WITH_TENANT);
            }
            return new Admission(null, roles, Set.of());
        }
        UUID tenant = tenantId.orElseThrow(() -> refuse(claims, username, null, LoginRefusal.NO_TENANT));
        TenantDetails details = tenants.findForLogin(tenant)
                .orElseThrow(() -> refuse(claims, username, null, LoginRefusal.UNKNOWN_TENANT));
        if (!details.active()) {
            throw refuse(claims, username, tenant, LoginRefusal.TENANT_SUSPENDED);
        }
        Set<UUID> stores = new HashSet<>();
        Optional.ofNullable(claims.getClaimAsStringList("store_ids"))
                .orElse(List.of())
                .forEach(s -> uuid(s).ifPresent(stores::add));
        return new Admission(tenant, roles, stores);
    }

    /**
     * Logs and audits the refusal: in the tenant's chain when the tenant is known to exist, otherwise in the
     * platform chain (a token naming an unknown tenant must not create a chain for it).
     */
    private OAuth2AuthenticationException refuse(
            ClaimAccessor claims, String username, UUID knownTenant, LoginRefusal refusal) {
        log.warn("Access refused for {}: {}", username, refusal);
        String subject = Optional.ofNullable(claims.getClaimAsString("sub")).orElse("unknown");
        String name = username == null ? subject : username;
        new AuditActor(AuditActor.Kind.PERSON, subject, name, null, knownTenant)
                .runAs(() -> audit.recordFor(
                        knownTenant,
                        AuditEvent.of("access.denied", "User", subject)
                                .detail("reason", refusal.name().toLowerCase(Locale.ROOT))
                                .detail("username", username)
                                .detail("tenantClaim", claims.getClaimAsString("tenant_id"))));
        return refusal.exception();
    }

    /** A person admitted to the portal (not every API call: bearer tokens are checked on each request). */
    void recordLogin(String subject, String username, String displayName, Admission admission) {
        String roles = admission.roles().stream()
                .map(Role::name)
                .sorted()
                .reduce((a, b) -> a + "," + b)
                .orElse(null);
        AuditActor.Kind kind =
                admission.roles().contains(Role.SUPPORT) ? AuditActor.Kind.SUPPORT : AuditActor.Kind.PERSON;
        new AuditActor(kind, subject, displayName == null ? username : displayName, roles, admission.tenantId())
                .runAs(() -> audit.recordFor(
                        admission.tenantId(),
                        AuditEvent.of("portal.login", "User", subject).detail("username", username)));
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

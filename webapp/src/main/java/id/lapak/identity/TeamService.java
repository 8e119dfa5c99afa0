package id.lapak.identity;

import id.lapak.identity.KeycloakAdmin.UserRep;
import id.lapak.security.AccessRevocations;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.audit.AuditEvent;
import id.lapak.tenant.audit.AuditLog;
import id.lapak.tenant.context.TenantContext;
import id.lapak.tenant.store.StoreNotFoundException;
import id.lapak.tenant.store.StoreService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A merchant admin's team: the people of the current tenant in Keycloak. This is the security boundary: only merchant
 * admins, only their own tenant's users, never the SUPPORT role, never without an enabled admin. Each change is
 * audited in the tenant's chain; the audit entry is written first in the transaction, so a change Keycloak refused
 * leaves no entry.
 */
@Service
public class TeamService {

    /** Whom to invite: managers and cashiers need at least one store, admins have all of them. */
    public record InviteForm(String email, String firstName, String lastName, Role role, Set<UUID> storeIds) {}

    private final Identities identities;
    private final KeycloakAdmin keycloak;
    private final TenantDirectory tenants;
    private final StoreService stores;
    private final AuditLog auditLog;

    private final AccessRevocations revocations;

    TeamService(
            Identities identities,
            TenantDirectory tenants,
            StoreService stores,
            AuditLog auditLog,
            AccessRevocations revocations) {
        this.revocations = revocations;
        this.identities = identities;
        this.keycloak = identities.keycloak();
        this.tenants = tenants;
        this.stores = stores;
        this.auditLog = auditLog;
    }

    /** The tenant's people, sorted by e-mail, a page at a time. */
    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
    public List<TeamMember> list(int offset, int limit) {
        UUID tenantId = TenantContext.requireTenant();
        return identities.members(identities.people(tenantId).stream()
                .sorted(Comparator.comparing(u -> u.username() == null ? "" : u.username()))
                .skip(Math.max(0, offset))
                .limit(Math.min(Math.max(limit, 1), 200))
                .toList());
    }

    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
    public TeamMember get(String userId) {
        return identities.member(person(userId));
    }

    @Transactional
    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
    public Invitation invite(InviteForm form) {
        UUID tenantId = TenantContext.requireTenant();
        Role role = grantable(form.role());
        List<TeamChangeRefused> problems = new ArrayList<>();
        if (!TenantRequest.validEmail(form.email())) {
            problems.add(new TeamChangeRefused("email", "identity.error.email"));
        }
        if (form.firstName() == null
                || form.firstName().isBlank()
                || form.firstName().strip().length() > 100) {
            problems.add(new TeamChangeRefused("firstName", "identity.error.firstName"));
        }
        if (form.lastName() == null
                || form.lastName().isBlank()
                || form.lastName().strip().length() > 100) {
            problems.add(new TeamChangeRefused("lastName", "identity.error.lastName"));
        }
        Set<UUID> scope = problems.isEmpty() ? storeScope(role, form.storeIds()) : Set.of();
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        String email = form.email().strip().toLowerCase(Locale.ROOT);
        auditLog.record(AuditEvent.of("user.invited", "User", email)
                .change("role", null, role)
                .change("storeIds", null, scope.isEmpty() ? null : String.join(",", sorted(scope))));
        if (keycloak.findUserByUsername(email)
                .or(() -> keycloak.findUserByEmail(email))
                .isPresent()) {
            throw new TeamChangeRefused("email", "identity.error.emailTaken");
        }
        return identities.createPerson(
                tenantId,
                tenants.current().name(),
                email,
                form.firstName().strip(),
                form.lastName().strip(),
                role,
                List.copyOf(scope));
    }

    /** Gives the person another role; a manager or cashier needs stores, an admin's store list is cleared. */
    @Transactional
    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
    public TeamMember changeRole(String userId, Role newRole, Set<UUID> storeIds) {
        Role role = grantable(newRole);
        UserRep user = person(userId);
        Role before = identities.role(user);
        Set<UUID> scope = storeScope(role, storeIds);
        if (before == Role.MERCHANT_ADMIN && role != Role.MERCHANT_ADMIN && Boolean.TRUE.equals(user.enabled())) {
            requireAnotherAdmin(user.id());
        }
        auditLog.record(AuditEvent.of("user.role_changed", "User", user.id())
                .change("role", before, role)
                .change("storeIds", String.join(",", sorted(storeIdsOf(user))), String.join(",", sorted(scope))));
        keycloak.updateUser(user.withAttribute(Identities.STORE_IDS, sorted(scope)));
        if (before != role) {
            keycloak.removeRealmRoles(user.id(), Identities.TEAM_ROLES);
            keycloak.addRealmRole(user.id(), role.name());
        }
        keycloak.logout(user.id());
        revocations.revoke(user.id()); // open portal sessions end at their next request, on every node
        return identities.member(keycloak.findUser(user.id()).orElseThrow());
    }

    @Transactional
    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
    public TeamMember changeStoreScope(String userId, Set<UUID> storeIds) {
        UserRep user = person(userId);
        Role role = identities.role(user);
        if (role == null) {
            throw new TeamChangeRefused(null, "team.error.noRole");
        }
        Set<UUID> scope = storeScope(role, storeIds);
        auditLog.record(AuditEvent.of("user.store_scope_changed", "User", user.id())
                .change("storeIds", String.join(",", sorted(storeIdsOf(user))), String.join(",", sorted(scope))));
        keycloak.updateUser(user.withAttribute(Identities.STORE_IDS, sorted(scope)));
        keycloak.logout(user.id());
        revocations.revoke(user.id()); // open portal sessions end at their next request, on every node
        return identities.member(keycloak.findUser(user.id()).orElseThrow());
    }

    /** The person can no longer log in and their sessions end; the last enabled admin cannot be disabled. */
    @Transactional
    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
    public TeamMember disable(String userId) {
        UserRep user = person(userId);
        if (identities.role(user) == Role.MERCHANT_ADMIN && Boolean.TRUE.equals(user.enabled())) {
            requireAnotherAdmin(user.id());
        }
        auditLog.record(AuditEvent.of("user.disabled", "User", user.id()).change("enabled", user.enabled(), false));
        keycloak.updateUser(user.withEnabled(false));
        keycloak.logout(user.id());
        revocations.revoke(user.id()); // open portal sessions end at their next request, on every node
        return identities.member(keycloak.findUser(user.id()).orElseThrow());
    }

    @Transactional
    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
    public TeamMember enable(String userId) {
        UserRep user = person(userId);
        auditLog.record(AuditEvent.of("user.enabled", "User", user.id()).change("enabled", user.enabled(), true));
        keycloak.updateUser(user.withEnabled(true));
        return identities.member(keycloak.findUser(user.id()).orElseThrow());
    }

    /** A new temporary password and the first-login steps again (the old password stops working). */
    @Transactional
    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
    public Invitation resendInvitation(String userId) {
        UserRep user = person(userId);
        Role role = identities.role(user);
        auditLog.record(AuditEvent.of("user.invitation_resent", "User", user.id()));
        keycloak.updateUser(user.withRequiredActions(Identities.firstLoginActions(role)));
        String password = TemporaryPasswords.next();
        keycloak.setTemporaryPassword(user.id(), password);
        keycloak.logout(user.id());
        revocations.revoke(user.id()); // open portal sessions end at their next request, on every node
        return new Invitation(user.id(), user.email(), password);
    }

    /**
     * The people of a tenant with role, store scope and e-mail, for platform work that has no signed-in user (e.g.
     * e-mailing a store's managers). Not for views: they use {@link #list}.
     */
    public List<TeamMember> membersOf(UUID tenantId) {
        Objects.requireNonNull(tenantId, "tenantId");
        return identities.members(identities.people(tenantId));
    }

    private UserRep person(String userId) {
        UUID tenantId = TenantContext.requireTenant();
        return identities
                .person(tenantId, userId)
                .orElseThrow(() -> new TeamChangeRefused(null, "team.error.notFound"));
    }

    private static Role grantable(Role role) {
        if (role == Role.SUPPORT) {
            throw new AccessDeniedException("Support staff are not granted from a tenant");
        }
        if (role == null) {
            throw new InvalidRequestException(List.of(new TeamChangeRefused("role", "team.error.role")));
        }
        return role;
    }

    /** Admins have every store (no list); managers and cashiers need stores of this tenant. */
    private Set<UUID> storeScope(Role role, Set<UUID> storeIds) {
        if (role == Role.MERCHANT_ADMIN) {
            return Set.of();
        }
        if (storeIds == null || storeIds.isEmpty()) {
            throw new InvalidRequestException(List.of(new TeamChangeRefused("stores", "team.error.storesRequired")));
        }
        for (UUID id : storeIds) {
            try {
                stores.get(id);
            } catch (StoreNotFoundException e) {
                throw new InvalidRequestException(List.of(new TeamChangeRefused("stores", "team.error.storeUnknown")));
            }
        }
        return Set.copyOf(storeIds);
    }

    private void requireAnotherAdmin(String leavingUserId) {
        UUID tenantId = TenantContext.requireTenant();
        boolean another = identities.people(tenantId).stream()
                .filter(u -> !u.id().equals(leavingUserId) && Boolean.TRUE.equals(u.enabled()))
                .anyMatch(u -> identities.role(u) == Role.MERCHANT_ADMIN);
        if (!another) {
            throw new TeamChangeRefused(null, "team.error.lastAdmin");
        }
    }

    private static Set<UUID> storeIdsOf(UserRep user) {
        Set<UUID> ids = new TreeSet<>();
        for (String value : user.attributeValues(Identities.STORE_IDS)) {
            try {
                ids.add(UUID.fromString(value));
            } catch (IllegalArgumentException ignored) {
                // not a store id
            }
        }
        return ids;
    }

    private static List<String> sorted(Set<UUID> ids) {
        return ids.stream().map(UUID::toString).sorted().toList();
    }
}

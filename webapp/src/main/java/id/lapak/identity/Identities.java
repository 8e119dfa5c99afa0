package id.lapak.identity;

import id.lapak.identity.KeycloakAdmin.UserRep;
import id.lapak.tenant.access.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * How Lapak's tenants and people map onto Keycloak: a tenant is a top-level group {@code tenant-<id>}; a person is
 * a user whose username is their e-mail, with the {@code tenant_id} (and {@code store_ids}) attributes the tokens
 * carry, membership of the tenant's group and one realm role. Creation undoes its own half-done work when
 * Keycloak fails part-way.
 */
@Component
class Identities {

    private static final Logger log = LoggerFactory.getLogger(Identities.class);

    static final String TENANT_ID = "tenant_id";
    static final String STORE_IDS = "store_ids";
    static final List<String> TEAM_ROLES =
            List.of(Role.MERCHANT_ADMIN.name(), Role.STORE_MANAGER.name(), Role.CASHIER.name());

    private final KeycloakAdmin keycloak;

    Identities(KeycloakAdmin keycloak) {
        this.keycloak = keycloak;
    }

    static String groupName(UUID tenantId) {
        return "tenant-" + tenantId;
    }

    /** What a new person must do at their first login. */
    static List<String> firstLoginActions(Role role) {
        return role == Role.MERCHANT_ADMIN
                ? List.of("UPDATE_PASSWORD", "CONFIGURE_TOTP", "VERIFY_EMAIL")
                : List.of("UPDATE_PASSWORD", "VERIFY_EMAIL");
    }

    /** The tenant's group, created when missing (the result says whether this call created it). */
    record Group(String id, boolean created) {}

    Group ensureGroup(UUID tenantId, String tenantName) {
        Optional<KeycloakAdmin.GroupRep> existing = keycloak.findGroup(groupName(tenantId));
        if (existing.isPresent()) {
            return new Group(existing.get().id(), false);
        }
        return new Group(
                keycloak.createGroup(
                        groupName(tenantId),
                        Map.of(TENANT_ID, List.of(tenantId.toString()), "tenant_name", List.of(tenantName))),
                true);
    }

    /**
     * Creates (or, on a retry, finds again) a person of {@code tenantId} with {@code role}, in the tenant's group,
     * with a fresh temporary password. If Keycloak fails part-way, what this call created is removed again; a user
     * of another tenant (or of none) with the same e-mail is never touched.
     */
    Invitation createPerson(
            UUID tenantId,
            String tenantName,
            String email,
            String firstName,
            String lastName,
            Role role,
            List<UUID> storeIds) {
        String username = email.strip().toLowerCase(Locale.ROOT);
        Group group = null;
        String createdUser = null;
        try {
            group = ensureGroup(tenantId, tenantName);
            Optional<UserRep> existing =
                    keycloak.findUserByUsername(username).or(() -> keycloak.findUserByEmail(username));
            String userId;
            if (existing.isPresent()) {
                if (!existing.get().attribute(TENANT_ID).equals(Optional.of(tenantId.toString()))) {
                    throw new TeamChangeRefused("email", "identity.error.emailTaken");
                }
                userId = existing.get().id();
                keycloak.updateUser(existing.get()
                        .withRequiredActions(firstLoginActions(role))
                        .withEnabled(true));
            } else {
                Map<String, List<String>> attributes = storeIds.isEmpty()
                        ? Map.of(TENANT_ID, List.of(tenantId.toString()))
                        : Map.of(
                                TENANT_ID,
                                List.of(tenantId.toString()),
                                STORE_IDS,
                                storeIds.stream().map(UUID::toString).toList());
                userId = keycloak.createUser(new UserRep(
                        null,
                        username,
                        username,
                        firstName,
                        lastName,
                        true,
                        false,
                        attributes,
                        firstLoginActions(role),
                        null));
                createdUser = userId;
            }
            keycloak.joinGroup(userId, group.id());
            List<String> roles = keycloak.realmRoles(userId);
            if (!roles.contains(role.name())) {
                keycloak.addRealmRole(userId, role.name());
            }
            String password = TemporaryPasswords.next();
            keycloak.setTemporaryPassword(userId, password);
            return new Invitation(userId, username, password);
        } catch (RuntimeException e) {
            undo(createdUser, group);
            throw e;
        }
    }

    private void undo(String createdUser, Group group) {
        try {
            if (createdUser != null) {
                keycloak.deleteUser(createdUser);
            }
            if (group != null && group.created()) {
                keycloak.deleteGroup(group.id());
            }
        } catch (KeycloakUnavailableException e) {
            // What is left (a group, a user of this tenant) is found again and reused by the next attempt.
            log.warn("Could not undo a half-done Keycloak change: {}", e.getMessage());
        }
    }

    /** Every person whose token says they belong to the tenant (the attribute is what the portal trusts). */
    List<UserRep> people(UUID tenantId) {
        List<UserRep> all = new ArrayList<>();
        int first = 0;
        while (true) {
            List<UserRep> page = keycloak.usersWithAttribute(TENANT_ID, tenantId.toString(), first, 200);
            all.addAll(page.stream()
                    .filter(u -> u.attribute(TENANT_ID).equals(Optional.of(tenantId.toString())))
                    .toList());
            if (page.size() < 200) {
                return all;
            }
            first += 200;
        }
    }

    /** A person of this tenant by Keycloak id; another tenant's user (or a crafted id) is not found. */
    Optional<UserRep> person(UUID tenantId, String userId) {
        if (userId == null || !userId.matches("[0-9a-fA-F-]{36}")) {
            return Optional.empty();
        }
        return keycloak.findUser(userId).filter(u -> u.attribute(TENANT_ID).equals(Optional.of(tenantId.toString())));
    }

    Role role(UserRep user) {
        List<String> roles = keycloak.realmRoles(user.id());
        for (String name : TEAM_ROLES) {
            if (roles.contains(name)) {
                return Role.valueOf(name);
            }
        }
        return null;
    }

    TeamMember member(UserRep user) {
        List<UUID> stores = new ArrayList<>();
        for (String value : user.attributeValues(STORE_IDS)) {
            try {
                stores.add(UUID.fromString(value));
            } catch (IllegalArgumentException ignored) {
                // Not a store id: the token mapper would drop it as well.
            }
        }
        return new TeamMember(
                user.id(),
                user.email(),
                user.firstName(),
                user.lastName(),
                role(user),
                Set.copyOf(stores),
                Boolean.TRUE.equals(user.enabled()),
                user.requiredActions() != null && !user.requiredActions().isEmpty());
    }

    /**
     * {@link #member} of each, in order. Keycloak gives a person's realm roles only one person at a time, so the
     * lookups run side by side (at most {@value #ROLE_LOOKUPS_AT_ONCE} at once, on virtual threads): a page of
     * fifty people costs about one lookup's time instead of fifty.
     */
    List<TeamMember> members(List<UserRep> users) {
        if (users.size() <= 1) {
            return users.stream().map(this::member).toList();
        }
        Semaphore permits = new Semaphore(ROLE_LOOKUPS_AT_ONCE);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<TeamMember>> lookups = users.stream()
                    .map(user -> executor.submit(() -> {
                        permits.acquire();
                        try {
                            return member(user);
                        } finally {
                            permits.release();
                        }
                    }))
                    .toList();
            List<TeamMember> members = new ArrayList<>(users.size());
            for (Future<TeamMember> lookup : lookups) {
                members.add(result(lookup));
            }
            return members;
        }
    }

    private static final int ROLE_LOOKUPS_AT_ONCE = 8;

    private static TeamMember result(Future<TeamMember> lookup) {
        try {
            return lookup.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeycloakUnavailableException("Interrupted while reading people's roles", 0, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new KeycloakUnavailableException("Could not read people's roles", 0, e.getCause());
        }
    }

    /** Removes the tenant's people and group (offboarding). */
    void removeTenant(UUID tenantId) {
        for (UserRep user : people(tenantId)) {
            keycloak.deleteUser(user.id());
        }
        keycloak.findGroup(groupName(tenantId)).ifPresent(g -> {
            for (UserRep member : keycloak.groupMembers(g.id(), 0, 500)) {
                if (member.attribute(TENANT_ID).equals(Optional.of(tenantId.toString()))) {
                    keycloak.deleteUser(member.id());
                }
            }
            keycloak.deleteGroup(g.id());
        });
    }

    KeycloakAdmin keycloak() {
        return keycloak;
    }
}

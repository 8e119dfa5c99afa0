package id.lapak.identity;

import id.lapak.identity.KeycloakAdmin.GroupRep;
import id.lapak.identity.KeycloakAdmin.RoleRep;
import id.lapak.identity.KeycloakAdmin.UserRep;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Keycloak's admin calls about one user: finding, creating, changing and deleting users, their groups, password and
 * sessions, and their realm roles. {@link KeycloakAdmin} hands these on to it.
 */
final class KeycloakUsers {

    private static final ParameterizedTypeReference<List<UserRep>> USERS = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<List<GroupRep>> GROUPS = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<List<RoleRep>> ROLES = new ParameterizedTypeReference<>() {};

    private final KeycloakConnection connection;
    private final RestClient http;
    private final String adminBase;

    KeycloakUsers(KeycloakConnection connection) {
        this.connection = connection;
        this.http = connection.http();
        this.adminBase = connection.adminBase();
    }

    // --- users ----------------------------------------------------------------------------------------------------

    Optional<UserRep> findUserByUsername(String username) {
        return call(
                "find user",
                () -> orEmpty(http.get()
                                .uri(adminBase + "/users?username={u}&exact=true&briefRepresentation=false", username)
                                .headers(this::auth)
                                .retrieve()
                                .body(USERS))
                        .stream()
                        .filter(u -> username.equalsIgnoreCase(u.username()))
                        .findFirst());
    }

    /** Users whose attribute {@code name} is {@code value} (Keycloak's attribute search), a page at a time. */
    List<UserRep> usersWithAttribute(String name, String value, int first, int max) {
        return call(
                "search users",
                () -> orEmpty(http.get()
                        .uri(
                                adminBase + "/users?q={q}&first={first}&max={max}&briefRepresentation=false",
                                name + ":" + value,
                                first,
                                max)
                        .headers(this::auth)
                        .retrieve()
                        .body(USERS)));
    }

    Optional<UserRep> findUserByEmail(String email) {
        return call(
                "find user",
                () -> orEmpty(http.get()
                                .uri(adminBase + "/users?email={e}&exact=true&briefRepresentation=false", email)
                                .headers(this::auth)
                                .retrieve()
                                .body(USERS))
                        .stream()
                        .filter(u -> email.equalsIgnoreCase(u.email()))
                        .findFirst());
    }

    Optional<UserRep> findUser(String userId) {
        try {
            return Optional.ofNullable(call(
                    "read user",
                    () -> http.get()
                            .uri(adminBase + "/users/{id}", userId)
                            .headers(this::auth)
                            .retrieve()
                            .body(UserRep.class)));
        } catch (KeycloakUnavailableException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Creates a user and returns its id. */
    String createUser(UserRep user) {
        return call(
                "create user",
                () -> idFrom(http.post()
                        .uri(adminBase + "/users")
                        .headers(this::auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(user)
                        .retrieve()
                        .toBodilessEntity()));
    }

    /** Replaces the user's representation (send the whole user as read, changed: Keycloak drops what is missing). */
    void updateUser(UserRep user) {
        call(
                "update user",
                () -> http.put()
                        .uri(adminBase + "/users/{id}", user.id())
                        .headers(this::auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(user)
                        .retrieve()
                        .toBodilessEntity());
    }

    void deleteUser(String userId) {
        call(
                "delete user",
                () -> http.delete()
                        .uri(adminBase + "/users/{id}", userId)
                        .headers(this::auth)
                        .retrieve()
                        .toBodilessEntity());
    }

    void joinGroup(String userId, String groupId) {
        call(
                "add user to group",
                () -> http.put()
                        .uri(adminBase + "/users/{id}/groups/{group}", userId, groupId)
                        .headers(this::auth)
                        .retrieve()
                        .toBodilessEntity());
    }

    List<GroupRep> userGroups(String userId) {
        return call(
                "list user groups",
                () -> orEmpty(http.get()
                        .uri(adminBase + "/users/{id}/groups", userId)
                        .headers(this::auth)
                        .retrieve()
                        .body(GROUPS)));
    }

    /** A temporary password: Keycloak asks for a new one at the next login. */
    void setTemporaryPassword(String userId, String password) {
        call(
                "set temporary password",
                () -> http.put()
                        .uri(adminBase + "/users/{id}/reset-password", userId)
                        .headers(this::auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("type", "password", "value", password, "temporary", true))
                        .retrieve()
                        .toBodilessEntity());
    }

    /** Ends every session of the user (after disabling them or changing what they may do). */
    void logout(String userId) {
        call(
                "log user out",
                () -> http.post()
                        .uri(adminBase + "/users/{id}/logout", userId)
                        .headers(this::auth)
                        .retrieve()
                        .toBodilessEntity());
    }

    // --- realm roles ----------------------------------------------------------------------------------------------

    List<String> realmRoles(String userId) {
        return call(
                "read user roles",
                () -> orEmpty(http.get()
                                .uri(adminBase + "/users/{id}/role-mappings/realm", userId)
                                .headers(this::auth)
                                .retrieve()
                                .body(ROLES))
                        .stream()
                        .map(RoleRep::name)
                        .toList());
    }

    void addRealmRole(String userId, String role) {
        RoleRep rep = call(
                        "find role",
                        () -> orEmpty(http.get()
                                .uri(adminBase + "/users/{id}/role-mappings/realm/available", userId)
                                .headers(this::auth)
                                .retrieve()
                                .body(ROLES)))
                .stream()
                .filter(r -> role.equals(r.name()))
                .findFirst()
                .orElseThrow(() -> new KeycloakUnavailableException("Role " + role + " cannot be granted", 403, null));
        call(
                "grant role",
                () -> http.post()
                        .uri(adminBase + "/users/{id}/role-mappings/realm", userId)
                        .headers(this::auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(List.of(rep))
                        .retrieve()
                        .toBodilessEntity());
    }

    void removeRealmRoles(String userId, List<String> roles) {
        List<RoleRep> reps = call(
                        "read user roles",
                        () -> orEmpty(http.get()
                                .uri(adminBase + "/users/{id}/role-mappings/realm", userId)
                                .headers(this::auth)
                                .retrieve()
                                .body(ROLES)))
                .stream()
                .filter(r -> roles.contains(r.name()))
                .toList();
        if (!reps.isEmpty()) {
            call(
                    "revoke roles",
                    () -> http.method(HttpMethod.DELETE)
                            .uri(adminBase + "/users/{id}/role-mappings/realm", userId)
                            .headers(this::auth)
                            .contentType(MediaType.APPLICATION_JSON)
                            .body(reps)
                            .retrieve()
                            .toBodilessEntity());
        }
    }

    private void auth(HttpHeaders headers) {
        connection.auth(headers);
    }

    private <T> T call(String what, Supplier<T> work) {
        return connection.call(what, work);
    }

    private static String idFrom(ResponseEntity<Void> response) {
        return KeycloakConnection.idFrom(response);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return KeycloakConnection.orEmpty(list);
    }
}

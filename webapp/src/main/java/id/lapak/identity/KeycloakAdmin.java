package id.lapak.identity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;

/**
 * The one place that talks to Keycloak's admin REST API, as the confidential client {@code lapak-provisioner}
 * (client credentials; its service account holds only manage-users, view-users, query-users, query-groups and
 * view-events of {@code realm-management}). Plain {@link RestClient} calls rather than Keycloak's admin client library: see
 * docs/decisions/0012-keycloak-admin-over-rest.md. Every failure becomes a {@link KeycloakUnavailableException}.
 * The calls about one user are made by {@link KeycloakUsers}; the token and the error handling live in
 * {@link KeycloakConnection}.
 */
@Component
class KeycloakAdmin {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record UserRep(
            String id,
            String username,
            String email,
            String firstName,
            String lastName,
            Boolean enabled,
            Boolean emailVerified,
            Map<String, List<String>> attributes,
            List<String> requiredActions,
            Long createdTimestamp) {

        Optional<String> attribute(String name) {
            return attributes == null
                            || attributes.get(name) == null
                            || attributes.get(name).isEmpty()
                    ? Optional.empty()
                    : Optional.of(attributes.get(name).getFirst());
        }

        List<String> attributeValues(String name) {
            return attributes == null || attributes.get(name) == null ? List.of() : attributes.get(name);
        }

        UserRep withAttribute(String name, List<String> values) {
            Map<String, List<String>> copy = new LinkedHashMap<>(attributes == null ? Map.of() : attributes);
            if (values.isEmpty()) {
                copy.remove(name);
            } else {
                copy.put(name, List.copyOf(values));
            }
            return with(enabled, copy, requiredActions);
        }

        UserRep withEnabled(boolean value) {
            return with(value, attributes, requiredActions);
        }

        UserRep withRequiredActions(List<String> actions) {
            return with(enabled, attributes, List.copyOf(actions));
        }

        private UserRep with(Boolean isEnabled, Map<String, List<String>> attrs, List<String> actions) {
            return new UserRep(
                    id,
                    username,
                    email,
                    firstName,
                    lastName,
                    isEnabled,
                    emailVerified,
                    attrs,
                    actions,
                    createdTimestamp);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record GroupRep(String id, String name, String path, Map<String, List<String>> attributes) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record RoleRep(String id, String name, Boolean composite, Boolean clientRole, String containerId) {}

    /** One of Keycloak's stored user events (a failed login, a lockout, a credential change). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record EventRep(
            String id,
            long time,
            String type,
            String clientId,
            String userId,
            String sessionId,
            String ipAddress,
            String error,
            Map<String, String> details) {}

    private static final ParameterizedTypeReference<List<UserRep>> USERS = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<List<GroupRep>> GROUPS = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<List<EventRep>> EVENTS = new ParameterizedTypeReference<>() {};

    private final KeycloakConnection connection;
    private final RestClient http;
    private final String adminBase;
    private final KeycloakUsers users;

    KeycloakAdmin(
            @Value("${lapak.keycloak.url}") String url,
            @Value("${lapak.keycloak.internal-url:}") String internalUrl,
            @Value("${lapak.keycloak.realm}") String realm,
            @Value("${lapak.keycloak.provisioner-client-id:lapak-provisioner}") String clientId,
            @Value("${lapak.keycloak.provisioner-secret}") String clientSecret,
            @Value("${lapak.keycloak.admin-timeout:PT10S}") Duration timeout) {
        String base = StringUtils.hasText(internalUrl) ? internalUrl : url;
        this.connection = new KeycloakConnection(base, realm, clientId, clientSecret, timeout);
        this.http = connection.http();
        this.adminBase = connection.adminBase();
        this.users = new KeycloakUsers(connection);
    }

    // --- groups ---------------------------------------------------------------------------------------------------

    Optional<GroupRep> findGroup(String name) {
        return call("find group", () -> {
            List<GroupRep> found = http.get()
                    .uri(adminBase + "/groups?search={name}&exact=true&briefRepresentation=false", name)
                    .headers(this::auth)
                    .retrieve()
                    .body(GROUPS);
            return found == null
                    ? Optional.<GroupRep>empty()
                    : found.stream().filter(g -> name.equals(g.name())).findFirst();
        });
    }

    /** Creates a top-level group and returns its id. */
    String createGroup(String name, Map<String, List<String>> attributes) {
        return call(
                "create group",
                () -> idFrom(http.post()
                        .uri(adminBase + "/groups")
                        .headers(this::auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(new GroupRep(null, name, null, attributes))
                        .retrieve()
                        .toBodilessEntity()));
    }

    void deleteGroup(String groupId) {
        call(
                "delete group",
                () -> http.delete()
                        .uri(adminBase + "/groups/{id}", groupId)
                        .headers(this::auth)
                        .retrieve()
                        .toBodilessEntity());
    }

    List<UserRep> groupMembers(String groupId, int first, int max) {
        return call(
                "list group members",
                () -> orEmpty(http.get()
                        .uri(
                                adminBase + "/groups/{id}/members?first={first}&max={max}&briefRepresentation=false",
                                groupId,
                                first,
                                max)
                        .headers(this::auth)
                        .retrieve()
                        .body(USERS)));
    }

    // --- users ----------------------------------------------------------------------------------------------------

    Optional<UserRep> findUserByUsername(String username) {
        return users.findUserByUsername(username);
    }

    /** Users whose attribute {@code name} is {@code value} (Keycloak's attribute search), a page at a time. */
    List<UserRep> usersWithAttribute(String name, String value, int first, int max) {
        return users.usersWithAttribute(name, value, first, max);
    }

    Optional<UserRep> findUserByEmail(String email) {
        return users.findUserByEmail(email);
    }

    Optional<UserRep> findUser(String userId) {
        return users.findUser(userId);
    }

    /** Creates a user and returns its id. */
    String createUser(UserRep user) {
        return users.createUser(user);
    }

    /** Replaces the user's representation (send the whole user as read, changed: Keycloak drops what is missing). */
    void updateUser(UserRep user) {
        users.updateUser(user);
    }

    void deleteUser(String userId) {
        users.deleteUser(userId);
    }

    void joinGroup(String userId, String groupId) {
        users.joinGroup(userId, groupId);
    }

    List<GroupRep> userGroups(String userId) {
        return users.userGroups(userId);
    }

    /** A temporary password: Keycloak asks for a new one at the next login. */
    void setTemporaryPassword(String userId, String password) {
        users.setTemporaryPassword(userId, password);
    }

    /** Ends every session of the user (after disabling them or changing what they may do). */
    void logout(String userId) {
        users.logout(userId);
    }

    // --- events ---------------------------------------------------------------------------------------------------

    /** Keycloak's stored user events from {@code fromMillis} (inclusive), oldest first, one page. */
    List<EventRep> events(long fromMillis, int first, int max) {
        return call(
                "read events",
                () -> orEmpty(http.get()
                        .uri(
                                adminBase + "/events?dateFrom={from}&first={first}&max={max}&direction=asc",
                                fromMillis,
                                first,
                                max)
                        .headers(this::auth)
                        .retrieve()
                        .body(EVENTS)));
    }

    // --- realm roles ----------------------------------------------------------------------------------------------

    List<String> realmRoles(String userId) {
        return users.realmRoles(userId);
    }

    void addRealmRole(String userId, String role) {
        users.addRealmRole(userId, role);
    }

    void removeRealmRoles(String userId, List<String> roles) {
        users.removeRealmRoles(userId, roles);
    }

    // --- plumbing -------------------------------------------------------------------------------------------------

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

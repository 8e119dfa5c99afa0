package id.lapak.identity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * The one place that talks to Keycloak's admin REST API, as the confidential client {@code lapak-provisioner}
 * (client credentials; its service account holds only manage-users, view-users, query-users, query-groups and
 * view-events of {@code realm-management}). Plain {@link RestClient} calls rather than Keycloak's admin client library: see
 * docs/decisions/0012-keycloak-admin-over-rest.md. Every failure becomes a {@link KeycloakUnavailableException}.
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
            return new UserRep(
                    id,
                    username,
                    email,
                    firstName,
                    lastName,
                    enabled,
                    emailVerified,
                    copy,
                    requiredActions,
                    createdTimestamp);
        }

        UserRep withEnabled(boolean value) {
            return new UserRep(
                    id,
                    username,
                    email,
                    firstName,
                    lastName,
                    value,
                    emailVerified,
                    attributes,
                    requiredActions,
                    createdTimestamp);
        }

        UserRep withRequiredActions(List<String> actions) {
            return new UserRep(
                    id,
                    username,
                    email,
                    firstName,
                    lastName,
                    enabled,
                    emailVerified,
                    attributes,
                    List.copyOf(actions),
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

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TokenResponse(String access_token, long expires_in) {}

    private static final ParameterizedTypeReference<List<UserRep>> USERS = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<List<GroupRep>> GROUPS = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<List<EventRep>> EVENTS = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<List<RoleRep>> ROLES = new ParameterizedTypeReference<>() {};

    private final RestClient http;
    private final String tokenUrl;
    private final String adminBase;
    private final String clientId;
    private final String clientSecret;

    private String token;
    private Instant tokenExpires = Instant.EPOCH;

    KeycloakAdmin(
            @Value("${lapak.keycloak.url}") String url,
            @Value("${lapak.keycloak.internal-url:}") String internalUrl,
            @Value("${lapak.keycloak.realm}") String realm,
            @Value("${lapak.keycloak.provisioner-client-id:lapak-provisioner}") String clientId,
            @Value("${lapak.keycloak.provisioner-secret}") String clientSecret,
            @Value("${lapak.keycloak.admin-timeout:PT10S}") Duration timeout) {
        String base = StringUtils.hasText(internalUrl) ? internalUrl : url;
        this.tokenUrl = base + "/realms/" + realm + "/protocol/openid-connect/token";
        this.adminBase = base + "/admin/realms/" + realm;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build());
        factory.setReadTimeout(timeout);
        this.http = RestClient.builder().requestFactory(factory).build();
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

    // --- plumbing -------------------------------------------------------------------------------------------------

    private synchronized String token() {
        if (token != null && Instant.now().isBefore(tokenExpires)) {
            return token;
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("client_id", clientId);
        form.add("client_secret", clientSecret);
        TokenResponse response = http.post()
                .uri(tokenUrl)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form)
                .retrieve()
                .body(TokenResponse.class);
        if (response == null || response.access_token() == null) {
            throw new KeycloakUnavailableException("Keycloak issued no token to " + clientId, 0, null);
        }
        token = response.access_token();
        tokenExpires = Instant.now().plusSeconds(Math.max(5, response.expires_in() - 30));
        return token;
    }

    private void auth(HttpHeaders headers) {
        headers.setBearerAuth(token());
    }

    private <T> T call(String what, Supplier<T> work) {
        try {
            return work.get();
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().value() == HttpStatus.UNAUTHORIZED.value()) {
                synchronized (this) {
                    token = null;
                }
            }
            throw new KeycloakUnavailableException(
                    "Keycloak refused to " + what + ": " + e.getStatusCode().value() + reason(e),
                    e.getStatusCode().value(),
                    null);
        } catch (ResourceAccessException e) {
            throw new KeycloakUnavailableException("Keycloak is unreachable (" + what + ")", 0, null);
        } catch (RestClientException e) {
            throw new KeycloakUnavailableException("Keycloak call failed (" + what + ")", 0, null);
        }
    }

    private static String reason(RestClientResponseException e) {
        String body = e.getResponseBodyAsString();
        Matcher m = Pattern.compile("\"(errorMessage|error_description|error)\"\\s*:\\s*\"([^\"]{1,200})\"")
                .matcher(body == null ? "" : body);
        return m.find() ? " " + m.group(2) : "";
    }

    private static String idFrom(ResponseEntity<Void> response) {
        URI location = response.getHeaders().getLocation();
        if (location == null) {
            throw new KeycloakUnavailableException("Keycloak created something without saying where", 0, null);
        }
        String path = location.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : new ArrayList<>(list);
    }
}

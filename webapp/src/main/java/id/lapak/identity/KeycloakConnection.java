package id.lapak.identity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * The connection {@link KeycloakAdmin} talks through: the HTTP client, the provisioner's access token (fetched with
 * client credentials, kept until shortly before it expires, dropped when Keycloak answers 401), and the turning of
 * every failure into a {@link KeycloakUnavailableException}.
 */
final class KeycloakConnection {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TokenResponse(String access_token, long expires_in) {}

    private final RestClient http;
    private final String tokenUrl;
    private final String adminBase;
    private final String clientId;
    private final String clientSecret;

    private String token;
    private Instant tokenExpires = Instant.EPOCH;

    KeycloakConnection(String base, String realm, String clientId, String clientSecret, Duration timeout) {
        this.tokenUrl = base + "/realms/" + realm + "/protocol/openid-connect/token";
        this.adminBase = base + "/admin/realms/" + realm;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build());
        factory.setReadTimeout(timeout);
        this.http = RestClient.builder().requestFactory(factory).build();
    }

    RestClient http() {
        return http;
    }

    /** The realm's admin API, e.g. {@code http://keycloak/admin/realms/lapak}. */
    String adminBase() {
        return adminBase;
    }

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

    void auth(HttpHeaders headers) {
        headers.setBearerAuth(token());
    }

    <T> T call(String what, Supplier<T> work) {
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

    static String idFrom(ResponseEntity<Void> response) {
        URI location = response.getHeaders().getLocation();
        if (location == null) {
            throw new KeycloakUnavailableException("Keycloak created something without saying where", 0, null);
        }
        String path = location.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : new ArrayList<>(list);
    }
}

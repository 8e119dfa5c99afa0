package id.lapak.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * Where Keycloak is. {@code url} is what browsers use and what the token issuer says; {@code internalUrl} is how
 * this server reaches Keycloak for tokens and keys (differs inside a container network; defaults to {@code url}).
 */
@ConfigurationProperties("lapak.keycloak")
record KeycloakProperties(String url, String internalUrl, String realm, String clientId, String clientSecret) {

    String issuer() {
        return url + "/realms/" + realm;
    }

    String internalIssuer() {
        return (StringUtils.hasText(internalUrl) ? internalUrl : url) + "/realms/" + realm;
    }
}

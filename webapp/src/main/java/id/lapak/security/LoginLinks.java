package id.lapak.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/** Links into Keycloak that pages outside the signed-in portal need. */
@Component
public class LoginLinks {

    private final KeycloakProperties keycloak;

    LoginLinks(KeycloakProperties keycloak) {
        this.keycloak = keycloak;
    }

    /** Ends the Keycloak session of a refused login and comes back to the portal, which asks for a new login. */
    public String switchAccount(String portalUrl) {
        return keycloak.issuer() + "/protocol/openid-connect/logout?client_id="
                + URLEncoder.encode(keycloak.clientId(), StandardCharsets.UTF_8)
                + "&post_logout_redirect_uri=" + URLEncoder.encode(portalUrl, StandardCharsets.UTF_8);
    }
}

package id.lapak.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.web.authentication.logout.LogoutHandler;

/**
 * What the portal does with a logout token Keycloak posts (OIDC Back-Channel Logout, after Spring Security checked
 * its signature, issuer, audience and events claim): it records the ended Keycloak session in the database, so the
 * portal sessions begun from it end at their next request on whichever node serves them. Spring's default would
 * end only the sessions this node holds in memory.
 */
class BackChannelLogout implements LogoutHandler {

    private static final Logger log = LoggerFactory.getLogger(BackChannelLogout.class);

    private final AccessRevocations revocations;

    BackChannelLogout(AccessRevocations revocations) {
        this.revocations = revocations;
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof OidcLogoutToken token)) {
            return;
        }
        revocations.endLoginSession(token.getSessionId(), token.getSubject());
        log.info(
                "Keycloak ended a login session of {}: its portal sessions end at their next request",
                token.getSubject());
    }
}

package id.lapak.security;

import java.util.Locale;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/** Why a person Keycloak authenticated may still not use Lapak. The code reaches the access-refused page. */
enum LoginRefusal {
    NO_ROLE,
    NO_TENANT,
    UNKNOWN_TENANT,
    TENANT_SUSPENDED,
    SUPPORT_WITH_TENANT;

    OAuth2AuthenticationException exception() {
        return new OAuth2AuthenticationException(
                new OAuth2Error(name().toLowerCase(Locale.ROOT)), "Login refused: " + name());
    }

    static LoginRefusal fromCode(String code) {
        for (LoginRefusal refusal : values()) {
            if (refusal.name().equalsIgnoreCase(code)) {
                return refusal;
            }
        }
        return null;
    }
}

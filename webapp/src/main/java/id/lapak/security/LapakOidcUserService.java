package id.lapak.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/** The portal login: the OIDC user Keycloak returns, admitted (or refused) by the {@link LoginPolicy}. */
@Component
class LapakOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService delegate = new OidcUserService();
    private final LoginPolicy policy;

    LapakOidcUserService(LoginPolicy policy) {
        this.policy = policy;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        return admit(delegate.loadUser(request));
    }

    /** The Lapak user for a person Keycloak authenticated, or the reason they may not log in. */
    LapakOidcUser admit(OidcUser oidc) {
        LoginPolicy.Admission admission = policy.admit(oidc, oidc.getPreferredUsername());
        policy.recordLogin(oidc.getSubject(), oidc.getPreferredUsername(), oidc.getFullName(), admission);
        return new LapakOidcUser(
                authorities(admission),
                oidc.getIdToken(),
                oidc.getUserInfo(),
                admission.tenantId(),
                admission.roles(),
                admission.storeIds());
    }

    static Collection<GrantedAuthority> authorities(LoginPolicy.Admission admission) {
        return admission.roles().stream()
                .<GrantedAuthority>map(r -> new SimpleGrantedAuthority(r.authority()))
                .toList();
    }
}

package id.lapak.security;

import id.lapak.tenant.access.Role;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The session's authentication while support views a tenant; keeps the support login to return to. */
class ViewAsAuthentication extends AbstractAuthenticationToken {

    private final ViewAsUser user;
    private final Authentication original;

    ViewAsAuthentication(ViewAsUser user, Authentication original) {
        super(List.of(new SimpleGrantedAuthority(Role.MERCHANT_ADMIN.authority())));
        this.user = user;
        this.original = original;
        setAuthenticated(true);
    }

    Authentication original() {
        return original;
    }

    ViewAsUser user() {
        return user;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return user;
    }

    @Override
    public String getName() {
        return user.username();
    }
}

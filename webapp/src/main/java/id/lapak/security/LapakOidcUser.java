package id.lapak.security;

import id.lapak.tenant.access.LapakUser;
import id.lapak.tenant.access.Role;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/** A signed-in person: the OIDC user Keycloak vouched for, with the tenant, roles and stores from the token. */
class LapakOidcUser extends DefaultOidcUser implements LapakUser {

    private final UUID tenantId;
    private final Set<Role> roles;
    private final Set<UUID> storeIds;

    LapakOidcUser(
            Collection<? extends GrantedAuthority> authorities,
            OidcIdToken idToken,
            OidcUserInfo userInfo,
            UUID tenantId,
            Set<Role> roles,
            Set<UUID> storeIds) {
        super(authorities, idToken, userInfo, "preferred_username");
        this.tenantId = tenantId;
        this.roles = Set.copyOf(roles);
        this.storeIds = Set.copyOf(storeIds);
    }

    @Override
    public String subject() {
        return getSubject();
    }

    @Override
    public String username() {
        return getPreferredUsername();
    }

    @Override
    public String displayName() {
        String full = getFullName();
        return full == null || full.isBlank() ? username() : full;
    }

    @Override
    public Optional<UUID> tenantId() {
        return Optional.ofNullable(tenantId);
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }

    @Override
    public Set<UUID> storeIds() {
        return storeIds;
    }
}

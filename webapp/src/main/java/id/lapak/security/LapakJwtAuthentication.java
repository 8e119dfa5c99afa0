package id.lapak.security;

import id.lapak.tenant.access.LapakUser;
import id.lapak.tenant.access.Role;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/** An API call with a Keycloak access token: the same person, roles and tenant rules as a portal login. */
final class LapakJwtAuthentication extends AbstractAuthenticationToken {

    record JwtUser(
            String subject, String username, String displayName, UUID tenant, Set<Role> roles, Set<UUID> storeIds)
            implements LapakUser {

        @Override
        public Optional<UUID> tenantId() {
            return Optional.ofNullable(tenant);
        }
    }

    private final Jwt jwt;
    private final JwtUser user;

    private LapakJwtAuthentication(Jwt jwt, JwtUser user, LoginPolicy.Admission admission) {
        super(LapakOidcUserService.authorities(admission));
        this.jwt = jwt;
        this.user = user;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return jwt;
    }

    @Override
    public Object getPrincipal() {
        return user;
    }

    static Converter<Jwt, AbstractAuthenticationToken> converter(LoginPolicy policy) {
        return jwt -> {
            String username = Optional.ofNullable(jwt.getClaimAsString("preferred_username"))
                    .orElse(jwt.getSubject());
            LoginPolicy.Admission admission = policy.admit(jwt, username);
            String name = Optional.ofNullable(jwt.getClaimAsString("name")).orElse(username);
            return new LapakJwtAuthentication(
                    jwt,
                    new JwtUser(
                            jwt.getSubject(),
                            username,
                            name,
                            admission.tenantId(),
                            admission.roles(),
                            admission.storeIds()),
                    admission);
        };
    }
}

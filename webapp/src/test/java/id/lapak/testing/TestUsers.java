package id.lapak.testing;

import id.lapak.tenant.access.LapakUser;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.context.TenantContext;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Runs test code as a signed-in person, entering their tenant the same way the web filter does. */
public final class TestUsers {

    private TestUsers() {}

    public record TestUser(String subject, String username, UUID tenant, Set<Role> roles, Set<UUID> storeIds)
            implements LapakUser {

        @Override
        public String displayName() {
            return username;
        }

        @Override
        public Optional<UUID> tenantId() {
            return Optional.ofNullable(tenant);
        }
    }

    public static TestUser user(UUID tenant, Set<UUID> stores, Role... roles) {
        String name = (roles.length == 0 ? "nobody" : roles[0].name().toLowerCase()) + "-" + UUID.randomUUID();
        Set<Role> set = roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(Arrays.asList(roles));
        return new TestUser(name, name, tenant, set, stores);
    }

    public static <T> T as(LapakUser user, Callable<T> work) {
        var auth = new TestingAuthenticationToken(
                user, null, user.roles().stream().map(Role::authority).toArray(String[]::new));
        auth.setAuthenticated(true);
        SecurityContextHolder.getContext().setAuthentication(auth);
        try {
            if (user.tenantId().isPresent()) {
                return TenantContext.callAs(user.tenantId().get(), work);
            }
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    public static void run(LapakUser user, Runnable work) {
        as(user, () -> {
            work.run();
            return null;
        });
    }
}

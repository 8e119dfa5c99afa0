package id.lapak.security;

import id.lapak.tenant.access.LapakUser;
import id.lapak.tenant.access.ReadOnlyViewer;
import id.lapak.tenant.access.Role;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Support staff viewing one tenant: in that tenant's context with what a merchant admin may read, marked read-only
 * so every transaction that is not read-only is refused. Names the support person, never the tenant's admin.
 */
record ViewAsUser(LapakUser viewer, UUID tenant, String reason, Instant expiresAt)
        implements ReadOnlyViewer, Serializable {

    @Override
    public String subject() {
        return viewer.subject();
    }

    @Override
    public String username() {
        return viewer.username();
    }

    @Override
    public String displayName() {
        return viewer.displayName();
    }

    @Override
    public Optional<UUID> tenantId() {
        return Optional.of(tenant);
    }

    @Override
    public Set<Role> roles() {
        return Set.of(Role.MERCHANT_ADMIN);
    }

    @Override
    public Set<UUID> storeIds() {
        return Set.of();
    }
}

package id.lapak.tenant.context;

import java.util.Map;
import java.util.UUID;
import org.hibernate.cfg.MultiTenancySettings;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.stereotype.Component;

/**
 * Wall 1: tells Hibernate which tenant a session belongs to, so every {@code @TenantId} entity is filtered and
 * stamped with it. Hibernate asks when a session opens, even for sessions that only read platform tables, so this
 * cannot throw; with no tenant it answers {@link #NO_TENANT}, which matches no row and cannot be written (the
 * foreign key to {@code tenant} and row-level security refuse it), and {@link TenantScopedEntity} throws on any
 * write. Platform access answers {@link #PLATFORM}, the root tenant that Hibernate does not filter.
 */
@Component
class TenantIdentifierResolver implements CurrentTenantIdentifierResolver<UUID>, HibernatePropertiesCustomizer {

    static final UUID NO_TENANT = new UUID(0, 0);
    static final UUID PLATFORM = new UUID(-1, -1);

    @Override
    public UUID resolveCurrentTenantIdentifier() {
        return switch (TenantContext.currentScope()) {
            case TenantContext.TenantScope(UUID tenantId) -> tenantId;
            case TenantContext.PlatformScope p -> PLATFORM;
            case null -> NO_TENANT;
        };
    }

    @Override
    public boolean validateExistingCurrentSessions() {
        return true;
    }

    @Override
    public boolean isRoot(UUID tenantId) {
        return PLATFORM.equals(tenantId);
    }

    @Override
    public void customize(Map<String, Object> hibernateProperties) {
        hibernateProperties.put(MultiTenancySettings.MULTI_TENANT_IDENTIFIER_RESOLVER, this);
    }
}

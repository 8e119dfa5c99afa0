package id.lapak.tenant.context;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreRemove;
import jakarta.persistence.PreUpdate;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * Base of every entity that belongs to a tenant. Hibernate fills {@code tenant_id} from the session's tenant and
 * filters every query by it; writing with no tenant in context fails.
 */
@MappedSuperclass
public abstract class TenantScopedEntity {

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    public UUID getTenantId() {
        return tenantId;
    }

    @PrePersist
    @PreUpdate
    @PreRemove
    void requireTenantForWrite() {
        if (!TenantContext.isPlatform()) {
            TenantContext.requireTenant();
        }
    }
}

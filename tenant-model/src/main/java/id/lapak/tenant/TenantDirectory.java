package id.lapak.tenant;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import id.lapak.tenant.context.PlatformAccess;
import id.lapak.tenant.context.TenantContext;

import jakarta.persistence.EntityManager;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Looks tenants up: the current one for its own users, all of them for support through {@link PlatformAccess}. */
@Service
public class TenantDirectory {

    private final TenantRepository tenants;
    private final PlatformAccess platform;
    private final EntityManager entityManager;
    private final TransactionTemplate readOnly;

    TenantDirectory(TenantRepository tenants, PlatformAccess platform, EntityManager entityManager,
                    PlatformTransactionManager transactionManager) {
        this.tenants = tenants;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.platform = platform;
        this.entityManager = entityManager;
    }

    /** The tenant of the current context. */
    @Transactional(readOnly = true)
    public TenantDetails current() {
        UUID tenantId = TenantContext.requireTenant();
        return tenants.findById(tenantId).map(Tenant::details)
                .orElseThrow(() -> new IllegalStateException("Tenant in context does not exist"));
    }

    /**
     * The tenant named in a login token, if it exists. Runs inside that tenant's own context, so row-level security
     * shows at most that one row.
     */
    public Optional<TenantDetails> findForLogin(UUID tenantId) {
        return TenantContext.callAs(tenantId, () -> readOnly.execute(s -> tenants.findById(tenantId).map(Tenant::details)));
    }

    @PreAuthorize("hasRole('SUPPORT')")
    public List<TenantSummary> listForSupport() {
        return platform.call("support tenant list", () -> {
            List<Object[]> rows = entityManager.createQuery("""
                    select t, count(s.id), count(case when s.active then 1 end)
                    from Tenant t left join Store s on s.tenantId = t.id
                    group by t""", Object[].class).getResultList();
            return rows.stream()
                    .map(r -> new TenantSummary(((Tenant) r[0]).details(), (Long) r[1], (Long) r[2]))
                    .sorted(Comparator.comparing(s -> s.tenant().name()))
                    .toList();
        });
    }

    /** Opens a tenant if it does not exist yet (used by onboarding and the local demo data). */
    public TenantDetails createIfMissing(NewTenant tenant, String purpose) {
        return platform.call(purpose, () -> tenants.findById(tenant.id())
                .orElseGet(() -> tenants.save(new Tenant(tenant.id(), tenant.name(), tenant.legalName(),
                        tenant.country(), tenant.currency(), tenant.timeZone())))
                .details());
    }
}

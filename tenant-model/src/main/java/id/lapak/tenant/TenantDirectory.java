package id.lapak.tenant;

import id.lapak.tenant.audit.AuditEvent;
import id.lapak.tenant.audit.AuditLog;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.tenant.context.TenantContext;
import jakarta.persistence.EntityManager;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
    private final AuditLog auditLog;

    TenantDirectory(
            TenantRepository tenants,
            PlatformAccess platform,
            EntityManager entityManager,
            PlatformTransactionManager transactionManager,
            AuditLog auditLog) {
        this.tenants = tenants;
        this.auditLog = auditLog;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.platform = platform;
        this.entityManager = entityManager;
    }

    /** The tenant of the current context. */
    @Transactional(readOnly = true)
    public TenantDetails current() {
        UUID tenantId = TenantContext.requireTenant();
        return tenants.findById(tenantId)
                .map(Tenant::details)
                .orElseThrow(() -> new IllegalStateException("Tenant in context does not exist"));
    }

    /** The current tenant's tax number (NPWP), printed on receipts of tax-registered stores. */
    @Transactional(readOnly = true)
    public Optional<String> currentTaxId() {
        UUID tenantId = TenantContext.requireTenant();
        return tenants.findById(tenantId).map(Tenant::taxId).filter(id -> !id.isBlank());
    }

    /**
     * The tenant named in a login token, if it exists. Runs inside that tenant's own context, so row-level security
     * shows at most that one row.
     */
    public Optional<TenantDetails> findForLogin(UUID tenantId) {
        return TenantContext.callAs(
                tenantId, () -> readOnly.execute(s -> tenants.findById(tenantId).map(Tenant::details)));
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
        return platform.call(
                purpose,
                () -> tenants.findById(tenant.id())
                        .orElseGet(() -> tenants.save(new Tenant(
                                tenant.id(),
                                tenant.name(),
                                tenant.legalName(),
                                tenant.country(),
                                tenant.currency(),
                                tenant.timeZone())))
                        .details());
    }

    /**
     * Opens a tenant in PROVISIONING for support's onboarding, audited as {@code tenant.created} in its own chain.
     * It becomes ACTIVE only through {@link #markProvisioned} once its first admin exists in Keycloak.
     */
    @PreAuthorize("hasRole('SUPPORT')")
    public TenantOnboarding openForOnboarding(
            NewTenant tenant, String taxId, TenantPlan plan, String adminEmail, String adminName) {
        return platform.call("onboard tenant " + tenant.id(), () -> {
            if (tenants.existsById(tenant.id())) {
                throw new IllegalStateException("Tenant " + tenant.id() + " exists already");
            }
            Tenant created = tenants.saveAndFlush(Tenant.forOnboarding(tenant, taxId, plan, adminEmail, adminName));
            auditLog.recordFor(
                    tenant.id(),
                    AuditEvent.of("tenant.created", "Tenant", tenant.id())
                            .change("name", null, tenant.name())
                            .change("legalName", null, tenant.legalName())
                            .change("taxId", null, taxId)
                            .change("country", null, tenant.country())
                            .change("currency", null, tenant.currency().getCurrencyCode())
                            .change("timeZone", null, tenant.timeZone().getId())
                            .change("plan", null, plan.name())
                            .change("adminEmail", null, adminEmail)
                            .change("status", null, TenantStatus.PROVISIONING.name()));
            return created.onboarding();
        });
    }

    /** Provisioning starts again for a tenant whose earlier attempt failed. */
    @PreAuthorize("hasRole('SUPPORT')")
    public TenantOnboarding markRetrying(UUID tenantId) {
        return platform.call("retry provisioning of tenant " + tenantId, () -> {
            Tenant tenant =
                    tenants.findById(tenantId).orElseThrow(() -> new IllegalArgumentException("No tenant " + tenantId));
            tenant.retryingProvisioning();
            return tenants.saveAndFlush(tenant).onboarding();
        });
    }

    /** The tenant's first admin exists: the tenant becomes ACTIVE. */
    @PreAuthorize("hasRole('SUPPORT')")
    public TenantOnboarding markProvisioned(UUID tenantId) {
        return platform.call("tenant provisioned " + tenantId, () -> {
            Tenant tenant =
                    tenants.findById(tenantId).orElseThrow(() -> new IllegalArgumentException("No tenant " + tenantId));
            TenantStatus before = tenant.status();
            tenant.provisioned();
            auditLog.recordFor(
                    tenantId,
                    AuditEvent.of("tenant.provisioned", "Tenant", tenantId)
                            .change("status", before, TenantStatus.ACTIVE));
            return tenants.saveAndFlush(tenant).onboarding();
        });
    }

    /** Keycloak was down or refused: the tenant stays visible to support with the reason and can be retried. */
    @PreAuthorize("hasRole('SUPPORT')")
    public TenantOnboarding markProvisioningFailed(UUID tenantId, String reason) {
        return platform.call("tenant provisioning failed " + tenantId, () -> {
            Tenant tenant =
                    tenants.findById(tenantId).orElseThrow(() -> new IllegalArgumentException("No tenant " + tenantId));
            TenantStatus before = tenant.status();
            tenant.provisioningFailed(reason);
            auditLog.recordFor(
                    tenantId,
                    AuditEvent.of("tenant.provisioning_failed", "Tenant", tenantId)
                            .change("status", before, TenantStatus.PROVISIONING_FAILED)
                            .detail("reason", reason));
            return tenants.saveAndFlush(tenant).onboarding();
        });
    }

    @PreAuthorize("hasRole('SUPPORT')")
    public Optional<TenantOnboarding> onboarding(UUID tenantId) {
        return platform.call(
                "read onboarding of tenant " + tenantId,
                () -> tenants.findById(tenantId).map(Tenant::onboarding));
    }

    /** Tenants whose provisioning has not finished (in progress or failed), newest first. */
    @PreAuthorize("hasRole('SUPPORT')")
    public List<TenantOnboarding> awaitingProvisioning() {
        return platform.call(
                "tenants awaiting provisioning",
                () -> entityManager
                        .createQuery("""
                        select t from Tenant t where t.status in (:statuses) order by t.createdAt desc""", Tenant.class)
                        .setParameter("statuses", List.of(TenantStatus.PROVISIONING, TenantStatus.PROVISIONING_FAILED))
                        .setMaxResults(50)
                        .getResultList()
                        .stream()
                        .map(Tenant::onboarding)
                        .toList());
    }
}

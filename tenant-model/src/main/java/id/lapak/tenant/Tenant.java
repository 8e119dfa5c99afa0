package id.lapak.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.UUID;

/** A merchant company. The tenant row itself is protected by row-level security on its own id. */
@Entity
@Table(name = "tenant")
class Tenant {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String name;

    @Column(name = "legal_name", nullable = false)
    private String legalName;

    @Column(nullable = false, length = 2)
    private String country;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TenantStatus status;

    @Column(name = "tax_id")
    private String taxId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TenantPlan plan = TenantPlan.STARTER;

    @Column(name = "admin_email")
    private String adminEmail;

    @Column(name = "admin_name")
    private String adminName;

    @Column(name = "provisioning_error")
    private String provisioningError;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Tenant() {}

    Tenant(UUID id, String name, String legalName, String country, Currency currency, ZoneId timeZone) {
        this.id = id;
        this.name = name;
        this.legalName = legalName;
        this.country = country;
        this.currency = currency.getCurrencyCode();
        this.timeZone = timeZone.getId();
        this.status = TenantStatus.ACTIVE;
        this.createdAt = Instant.now();
    }

    /** A tenant being onboarded: it stays PROVISIONING until its first admin exists in Keycloak. */
    static Tenant forOnboarding(NewTenant tenant, String taxId, TenantPlan plan, String adminEmail, String adminName) {
        Tenant created = new Tenant(
                tenant.id(), tenant.name(), tenant.legalName(), tenant.country(), tenant.currency(), tenant.timeZone());
        created.taxId = taxId;
        created.plan = plan;
        created.adminEmail = adminEmail;
        created.adminName = adminName;
        created.status = TenantStatus.PROVISIONING;
        return created;
    }

    void provisioned() {
        if (status != TenantStatus.PROVISIONING && status != TenantStatus.PROVISIONING_FAILED) {
            throw new IllegalStateException("Tenant " + id + " is not being provisioned");
        }
        status = TenantStatus.ACTIVE;
        provisioningError = null;
    }

    void provisioningFailed(String error) {
        if (status != TenantStatus.PROVISIONING && status != TenantStatus.PROVISIONING_FAILED) {
            throw new IllegalStateException("Tenant " + id + " is not being provisioned");
        }
        status = TenantStatus.PROVISIONING_FAILED;
        provisioningError = error == null ? "unknown" : error.length() > 500 ? error.substring(0, 500) : error;
    }

    void retryingProvisioning() {
        if (status != TenantStatus.PROVISIONING && status != TenantStatus.PROVISIONING_FAILED) {
            throw new IllegalStateException("Tenant " + id + " is not being provisioned");
        }
        status = TenantStatus.PROVISIONING;
    }

    TenantStatus status() {
        return status;
    }

    TenantOnboarding onboarding() {
        return new TenantOnboarding(
                id, name, legalName, taxId, plan, adminEmail, adminName, status, provisioningError, createdAt);
    }

    TenantDetails details() {
        return new TenantDetails(
                id, name, legalName, country, Currency.getInstance(currency), ZoneId.of(timeZone), status, createdAt);
    }

    UUID getId() {
        return id;
    }

    /** The business's tax number (NPWP), when it gave one. */
    public String taxId() {
        return taxId;
    }
}

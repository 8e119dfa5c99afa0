package id.lapak.tenant;

import java.time.Instant;
import java.util.UUID;

/**
 * A tenant as onboarding sees it: what support entered, the first merchant admin, and how provisioning stands
 * ({@code provisioningError} is set only while {@code status} is PROVISIONING_FAILED).
 */
public record TenantOnboarding(
        UUID id,
        String name,
        String legalName,
        String taxId,
        TenantPlan plan,
        String adminEmail,
        String adminName,
        TenantStatus status,
        String provisioningError,
        Instant createdAt) {

    public boolean needsProvisioning() {
        return status == TenantStatus.PROVISIONING || status == TenantStatus.PROVISIONING_FAILED;
    }
}

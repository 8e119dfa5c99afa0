package id.lapak.tenant;

import java.time.Instant;
import java.util.UUID;

/**
 * A tenant as the support console lists it. {@code status} and {@code plan} are text so that states and plans added
 * later show as they are ({@code plan} is null where a tenant has none).
 */
public record TenantOverview(
        UUID id,
        String name,
        String legalName,
        String country,
        String status,
        String plan,
        long storeCount,
        long activeStoreCount,
        Instant createdAt,
        String suspendedReason,
        Instant suspendedAt,
        String suspendedBy) {

    public boolean suspended() {
        return TenantStatus.SUSPENDED.name().equals(status);
    }

    public boolean active() {
        return TenantStatus.ACTIVE.name().equals(status);
    }
}

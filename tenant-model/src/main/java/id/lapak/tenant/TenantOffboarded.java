package id.lapak.tenant;

import java.util.UUID;

/** A tenant and all its data were deleted (support offboarding); published inside the deleting transaction. */
public record TenantOffboarded(UUID tenantId, String name) {
}

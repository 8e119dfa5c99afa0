package id.lapak.tenant;

import java.util.UUID;

/**
 * A tenant and all its data were deleted (support offboarding); published inside the deleting transaction. Whoever
 * keeps the tenant's identities (the Keycloak group and users) removes them after it commits.
 */
public record TenantOffboarded(UUID tenantId, String name) {}

package id.lapak.tenant;

import java.util.UUID;

/**
 * A tenant was suspended or reactivated. Published inside the changing transaction, so listeners that signal other
 * nodes (devices of a suspended tenant are refused) commit or roll back with it.
 */
public record TenantStatusChanged(UUID tenantId, String status) {}

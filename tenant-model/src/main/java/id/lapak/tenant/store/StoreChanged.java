package id.lapak.tenant.store;

import java.util.UUID;

/** A store was updated, deactivated or reactivated. */
public record StoreChanged(UUID tenantId, UUID storeId, String actor, String change) {}

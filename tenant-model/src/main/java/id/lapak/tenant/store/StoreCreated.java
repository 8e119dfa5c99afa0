package id.lapak.tenant.store;

import java.util.UUID;

public record StoreCreated(UUID tenantId, UUID storeId, String actor) {}

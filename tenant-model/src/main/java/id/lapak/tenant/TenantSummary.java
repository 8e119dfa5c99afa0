package id.lapak.tenant;

/** A tenant as support staff see it in the tenant list. */
public record TenantSummary(TenantDetails tenant, long storeCount, long activeStoreCount) {}

package id.lapak.tenant.sale;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * Whether the ids a device names in a sale belong to the current tenant: the catalog answers for its variants and
 * customers, so the payment path (which must not depend on the catalog) can refuse another tenant's id.
 */
public interface SaleReferences {

    /** The ids among {@code variantIds} that are no variant of the current tenant (deleted ones still count). */
    Set<UUID> unknownVariants(Collection<UUID> variantIds);

    /** Whether {@code customerId} is a customer of the current tenant. */
    boolean customerExists(UUID customerId);
}

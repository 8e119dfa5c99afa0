package id.lapak.catalog.stock;

import java.util.List;
import java.util.UUID;

/**
 * Who manages a store, for the low-stock e-mail. The application may provide its own (from the identity provider's
 * users); without one, the addresses a merchant admin keeps in the stock settings are used.
 */
public interface StoreManagerDirectory {

    List<String> managerEmails(UUID tenantId, UUID storeId);
}

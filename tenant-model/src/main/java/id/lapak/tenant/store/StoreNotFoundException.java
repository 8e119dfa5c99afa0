package id.lapak.tenant.store;

import java.util.UUID;

/** No such store for the current tenant and user: another tenant's store is indistinguishable from none. */
public class StoreNotFoundException extends RuntimeException {

    public StoreNotFoundException(UUID id) {
        super("Store not found: " + id);
    }
}

package id.lapak.catalog.customers;

import java.util.UUID;

/** No such customer in the current tenant (or it was merged away or erased, for changes). */
public class CustomerNotFoundException extends RuntimeException {

    public CustomerNotFoundException(UUID id) {
        super("Customer not found: " + id);
    }
}

package id.lapak.billing.sale;

import java.util.UUID;

/** No such sale in the current tenant (or not one the caller may see). */
public class SaleNotFoundException extends RuntimeException {

    public SaleNotFoundException(UUID id) {
        super("No sale " + id);
    }
}

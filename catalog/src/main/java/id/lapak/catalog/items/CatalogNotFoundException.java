package id.lapak.catalog.items;

import java.util.UUID;

/** No such item, variant or category in the current tenant (or it was deleted). */
public class CatalogNotFoundException extends RuntimeException {

    public CatalogNotFoundException(String what, UUID id) {
        super("No such " + what + ": " + id);
    }
}

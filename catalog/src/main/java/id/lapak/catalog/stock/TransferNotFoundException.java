package id.lapak.catalog.stock;

import java.util.UUID;

/** No such transfer in the current tenant, or not one of the user's stores. */
public class TransferNotFoundException extends RuntimeException {

    public TransferNotFoundException(UUID id) {
        super("Transfer not found: " + id);
    }
}

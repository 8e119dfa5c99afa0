package id.lapak.tenant.store;

/** Someone else saved the store since it was opened; nothing was overwritten. */
public class StaleStoreException extends RuntimeException {

    public StaleStoreException() {
        super("Store was changed by someone else");
    }
}

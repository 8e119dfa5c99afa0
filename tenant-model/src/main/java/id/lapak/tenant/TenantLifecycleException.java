package id.lapak.tenant;

/**
 * A support action on a tenant that cannot be done as asked; the message is a translation key (e.g. the tenant is
 * not active, the typed name does not match).
 */
public class TenantLifecycleException extends RuntimeException {

    public TenantLifecycleException(String messageKey) {
        super(messageKey);
    }
}

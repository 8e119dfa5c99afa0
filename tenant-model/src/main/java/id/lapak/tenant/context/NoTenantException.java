package id.lapak.tenant.context;

/** Tenant-scoped work was attempted with no tenant in context. Tenancy fails closed: there is no default tenant. */
public class NoTenantException extends IllegalStateException {

    public NoTenantException() {
        super("No tenant in context; tenant-scoped data is not accessible");
    }
}

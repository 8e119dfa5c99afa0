package id.lapak.tenant.access;

/** Roles carried in the identity token. Tenant users have exactly a tenant; SUPPORT is platform staff with none. */
public enum Role {
    MERCHANT_ADMIN,
    STORE_MANAGER,
    CASHIER,
    SUPPORT;

    public String authority() {
        return "ROLE_" + name();
    }
}

package id.lapak.tenant;

/**
 * Where a tenant stands. Only an ACTIVE tenant's users may log in. A tenant being onboarded is PROVISIONING until
 * its Keycloak group and first admin exist, and PROVISIONING_FAILED when that did not work (support retries).
 */
public enum TenantStatus {
    ACTIVE,
    SUSPENDED,
    PROVISIONING,
    PROVISIONING_FAILED
}

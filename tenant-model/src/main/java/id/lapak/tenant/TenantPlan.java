package id.lapak.tenant;

/** The subscription a tenant is on; stored at onboarding for billing later. */
public enum TenantPlan {
    STARTER,
    GROWTH,
    ENTERPRISE
}

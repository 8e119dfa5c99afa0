package id.lapak.tenant;

public enum TenantStatus {
    ACTIVE,
    SUSPENDED
}

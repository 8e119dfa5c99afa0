package id.lapak.device;

/** ACTIVE devices may authenticate; REVOKED ones (lost, stolen) and RETIRED ones (out of service) never again. */
public enum DeviceStatus {
    ACTIVE,
    REVOKED,
    RETIRED
}

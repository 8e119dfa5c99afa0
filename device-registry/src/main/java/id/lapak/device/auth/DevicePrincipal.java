package id.lapak.device.auth;

import java.util.UUID;

/** The authenticated device of a device API request. Its tenant is the request's tenant. */
public record DevicePrincipal(UUID deviceId, UUID tenantId) {}

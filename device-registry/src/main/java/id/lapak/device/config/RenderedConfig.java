package id.lapak.device.config;

import java.util.UUID;

/** A device's effective configuration as sent: the JSON body, its strong ETag and its version. */
public record RenderedConfig(UUID deviceId, UUID tenantId, byte[] body, String etag, long version) {}

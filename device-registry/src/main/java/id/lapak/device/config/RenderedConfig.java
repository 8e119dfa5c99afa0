package id.lapak.device.config;

import java.util.UUID;

/**
 * A device's effective configuration as sent: the JSON body, its strong ETag and its version, and the payment terms
 * the body states, typed.
 */
public record RenderedConfig(
        UUID deviceId, UUID tenantId, byte[] body, String etag, long version, PaymentTerms paymentTerms) {}

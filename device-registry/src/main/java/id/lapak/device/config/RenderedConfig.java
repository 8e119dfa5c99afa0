package id.lapak.device.config;

import java.util.UUID;

/**
 * A device's effective configuration as sent: the JSON body, its strong ETag and its version, and the payment terms
 * the body states, typed.
 */
public record RenderedConfig(
        UUID deviceId, UUID tenantId, byte[] body, String etag, long version, PaymentTerms paymentTerms) {

    /** Whether an {@code If-None-Match} header the device sent names this document, so that a 304 answers it. */
    public boolean matches(String ifNoneMatch) {
        return ifNoneMatch != null && ifNoneMatch.contains(etag);
    }
}

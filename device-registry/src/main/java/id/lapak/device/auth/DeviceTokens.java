package id.lapak.device.auth;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Access tokens for devices: {@code base64url(payload) "." base64url(HMAC-SHA256(payload))}, the payload being
 * version, device id, tenant id, issued-at and expiry in a fixed 41-byte layout. Checking one costs an HMAC and no
 * I/O, which keeps the per-request price of authentication low (an ECDSA verification per request would cap the
 * whole server at a few thousand requests per second).
 */
@Component
public class DeviceTokens {

    private static final byte VERSION = 1;
    private static final int PAYLOAD_LENGTH = 1 + 16 + 16 + 4 + 4;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** Mac instances are not thread-safe and costly to look up: one initialised instance per thread. */
    private final ThreadLocal<Mac> macs;

    private final Duration lifetime;
    private final Clock clock;

    DeviceTokens(
            @Value("${lapak.device.token-key}") String base64Key,
            @Value("${lapak.device.token-lifetime:PT10M}") Duration lifetime,
            Clock clock) {
        byte[] raw = Base64.getDecoder().decode(base64Key);
        if (raw.length < 32) {
            throw new IllegalStateException("lapak.device.token-key must be at least 32 bytes (base64)");
        }
        if (lifetime.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalStateException("Device access tokens live at most 10 minutes");
        }
        SecretKeySpec key = new SecretKeySpec(raw, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public Duration lifetime() {
        return lifetime;
    }

    public String issue(UUID deviceId, UUID tenantId) {
        Instant now = Instant.now(clock);
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD_LENGTH)
                .put(VERSION)
                .putLong(deviceId.getMostSignificantBits())
                .putLong(deviceId.getLeastSignificantBits())
                .putLong(tenantId.getMostSignificantBits())
                .putLong(tenantId.getLeastSignificantBits())
                .putInt((int) now.getEpochSecond())
                .putInt((int) now.plus(lifetime).getEpochSecond());
        byte[] bytes = payload.array();
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(bytes));
    }

    public DevicePrincipal verify(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0 || token.length() > 200) {
            throw new DeviceAuthenticationException("token_invalid", "The access token is malformed");
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(token.substring(0, dot));
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new DeviceAuthenticationException("token_invalid", "The access token is malformed");
        }
        if (payload.length != PAYLOAD_LENGTH || !MessageDigest.isEqual(mac(payload), signature)) {
            throw new DeviceAuthenticationException("token_invalid", "The access token is not valid");
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        if (buffer.get() != VERSION) {
            throw new DeviceAuthenticationException("token_invalid", "The access token version is not supported");
        }
        UUID deviceId = new UUID(buffer.getLong(), buffer.getLong());
        UUID tenantId = new UUID(buffer.getLong(), buffer.getLong());
        buffer.getInt();
        long expires = Integer.toUnsignedLong(buffer.getInt());
        if (Instant.now(clock).getEpochSecond() >= expires) {
            throw new DeviceAuthenticationException("token_expired", "The access token has expired");
        }
        return new DevicePrincipal(deviceId, tenantId);
    }

    private byte[] mac(byte[] payload) {
        return macs.get().doFinal(payload);
    }
}

package id.lapak.simulator;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * Who this device is, as the server answered when it paired. The private key is kept apart (see
 * {@link DeviceHome}), so this record can be printed and logged.
 */
public record Pairing(
        URI server,
        UUID deviceId,
        UUID tenantId,
        UUID storeId,
        String name,
        String tokenAudience,
        String publicKey,
        DeviceFacts facts,
        Instant pairedAt) {}

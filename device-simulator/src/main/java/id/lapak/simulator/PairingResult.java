package id.lapak.simulator;

import java.util.UUID;

/** The server's {@code 201} answer to a pairing. */
public record PairingResult(UUID deviceId, UUID tenantId, UUID storeId, String name, String tokenAudience) {}

package id.lapak.device.pairing;

import java.time.Instant;
import java.util.UUID;

/** A freshly created code; the clear code exists only here, the database keeps its hash. */
public record NewPairingCode(
        UUID id, String code, String displayCode, UUID storeId, String deviceName, Instant expiresAt) {}

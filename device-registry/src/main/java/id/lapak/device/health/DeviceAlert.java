package id.lapak.device.health;

import java.time.Instant;
import java.util.UUID;

/** An open alert as the portal lists it. */
public record DeviceAlert(
        UUID id,
        UUID deviceId,
        String deviceName,
        UUID storeId,
        AlertKind kind,
        String detail,
        Instant raisedAt,
        Instant acknowledgedAt,
        String acknowledgedBy) {

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }
}

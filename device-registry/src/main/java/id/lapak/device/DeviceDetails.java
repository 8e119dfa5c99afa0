package id.lapak.device;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

public record DeviceDetails(
        UUID id,
        UUID tenantId,
        UUID storeId,
        String name,
        DeviceStatus status,
        String model,
        String serialNumber,
        String osVersion,
        String appVersion,
        String readerModel,
        String readerSerial,
        String readerFirmware,
        Integer batteryPercent,
        Boolean charging,
        String connectivity,
        Integer signalStrength,
        Integer pendingUploads,
        Instant deviceClock,
        Instant pairedAt,
        Instant lastSeenAt,
        String statusReason,
        Instant statusChangedAt,
        Instant configChangedAt,
        long version) {

    /** Seen within two heartbeat intervals is online; within the offline threshold stale; otherwise offline. */
    public Presence presence(Instant now, Duration offlineAfter) {
        if (status != DeviceStatus.ACTIVE) {
            return Presence.INACTIVE;
        }
        if (lastSeenAt == null) {
            return Presence.OFFLINE;
        }
        Duration silent = Duration.between(lastSeenAt, now);
        if (silent.compareTo(ONLINE_WITHIN) <= 0) {
            return Presence.ONLINE;
        }
        return silent.compareTo(offlineAfter) <= 0 ? Presence.STALE : Presence.OFFLINE;
    }

    public static final Duration ONLINE_WITHIN = Duration.ofMinutes(2);

    public enum Presence {
        ONLINE,
        STALE,
        OFFLINE,
        INACTIVE
    }
}

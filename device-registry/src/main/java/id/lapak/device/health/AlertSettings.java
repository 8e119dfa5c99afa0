package id.lapak.device.health;

import java.time.Duration;
import java.time.Instant;

/** A tenant's alert thresholds; {@link #DEFAULTS} until a merchant admin changes them. */
public record AlertSettings(int offlineAfterMinutes, int batteryLowPercent, Instant updatedAt, String updatedBy) {

    public static final int OFFLINE_AFTER_MIN = 1;
    public static final int OFFLINE_AFTER_MAX = 1440;
    public static final int BATTERY_LOW_MIN = 1;
    public static final int BATTERY_LOW_MAX = 99;

    /** The same values as the table's defaults. */
    public static final AlertSettings DEFAULTS = new AlertSettings(10, 15, null, null);

    public Duration offlineAfter() {
        return Duration.ofMinutes(offlineAfterMinutes);
    }
}

package id.lapak.device;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A device's periodic health report. {@code pendingUploads} counts the offline payments the device still holds; in
 * the device API's JSON it is {@code pendingOfflinePayments} (the older name {@code pendingUploads} is accepted).
 */
public record Heartbeat(
        Integer batteryPercent,
        Boolean charging,
        String appVersion,
        String readerFirmware,
        Connectivity connectivity,
        Integer signalStrength,

        @JsonProperty("pendingOfflinePayments") @JsonAlias("pendingUploads")
        Integer pendingUploads,

        Instant deviceTime) {

    public enum Connectivity {
        WIFI,
        CELLULAR,
        ETHERNET,
        NONE
    }

    public Heartbeat {
        if (batteryPercent != null && (batteryPercent < 0 || batteryPercent > 100)) {
            throw new IllegalArgumentException("batteryPercent must be between 0 and 100");
        }
        if (pendingUploads != null && pendingUploads < 0) {
            throw new IllegalArgumentException("pendingUploads cannot be negative");
        }
        if (signalStrength != null && (signalStrength < -200 || signalStrength > 100)) {
            throw new IllegalArgumentException("signalStrength is out of range");
        }
        if (appVersion != null && appVersion.length() > DeviceFacts.MAX
                || readerFirmware != null && readerFirmware.length() > DeviceFacts.MAX) {
            throw new IllegalArgumentException("Versions are limited to " + DeviceFacts.MAX + " characters");
        }
    }
}

package id.lapak.simulator;

import java.time.Instant;

/**
 * A device's periodic report (device API, heartbeats). A null {@code deviceTime} is filled with the client's
 * clock when sent; a null {@code signalStrength} is left out.
 */
public record Heartbeat(
        int batteryPercent,
        boolean charging,
        String appVersion,
        String readerFirmware,
        Connectivity connectivity,
        Integer signalStrength,
        int pendingUploads,
        Instant deviceTime) {

    public enum Connectivity {
        WIFI,
        CELLULAR,
        ETHERNET,
        NONE
    }

    /** A healthy idle device: 80 % battery on Wi-Fi, nothing waiting to upload. */
    public static Heartbeat typical(String appVersion) {
        return new Heartbeat(80, false, appVersion, "1.0.0", Connectivity.WIFI, -60, 0, null);
    }

    public Heartbeat withDeviceTime(Instant time) {
        return new Heartbeat(
                batteryPercent,
                charging,
                appVersion,
                readerFirmware,
                connectivity,
                signalStrength,
                pendingUploads,
                time);
    }
}

package id.lapak.device;

/** The change asked for does not fit the device's current state (e.g. revoking a retired device). */
public class DeviceStateException extends RuntimeException {

    public DeviceStateException(String message) {
        super(message);
    }
}

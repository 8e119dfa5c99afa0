package id.lapak.device.auth;

/** A device request or assertion refused; {@link #reason()} is the stable code the API returns with 401. */
public class DeviceAuthenticationException extends RuntimeException {

    private final String reason;

    public DeviceAuthenticationException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}

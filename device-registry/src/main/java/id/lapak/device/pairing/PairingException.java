package id.lapak.device.pairing;

/** A pairing attempt refused, with the HTTP status and the stable reason code the device API returns. */
public class PairingException extends RuntimeException {

    private final int status;
    private final String reason;
    private final long retryAfterSeconds;

    PairingException(int status, String reason, String message) {
        this(status, reason, message, 0);
    }

    PairingException(int status, String reason, String message, long retryAfterSeconds) {
        super(message);
        this.status = status;
        this.reason = reason;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}

package id.lapak.device.keys;

/** A reader key request the server cannot serve; {@code reason} is the API's stable code. */
public class ReaderKeyException extends RuntimeException {

    private final String reason;

    public ReaderKeyException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}

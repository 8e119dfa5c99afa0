package id.lapak.simulator;

/** The server could not be reached or did not answer in time; unlike {@link ApiException} there is no answer. */
public class DeviceNetworkException extends RuntimeException {

    public DeviceNetworkException(String message, Throwable cause) {
        super(message, cause);
    }
}

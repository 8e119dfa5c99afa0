package id.lapak.billing.gateway;

/** The acquirer did not answer in time; whether it acted is unknown, so the caller reverses. */
public class GatewayTimeoutException extends RuntimeException {

    public GatewayTimeoutException(String message) {
        super(message);
    }
}

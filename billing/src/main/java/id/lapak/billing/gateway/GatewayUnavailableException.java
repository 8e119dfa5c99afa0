package id.lapak.billing.gateway;

/** The acquirer could not be reached or refused the request before acting on it. */
public class GatewayUnavailableException extends RuntimeException {

    public GatewayUnavailableException(String message) {
        super(message);
    }
}

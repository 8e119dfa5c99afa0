package id.lapak.billing.gateway;

/**
 * A connection to an acquirer. Every call carries a {@code requestId} unique to the operation; an acquirer that
 * sees the same {@code requestId} twice answers with its first answer and never holds or moves funds twice.
 * Implementations never log or keep the card number.
 */
public interface PaymentGateway {

    /**
     * Asks the issuer (through the acquirer) to approve and hold {@code request.amountMinor()}.
     *
     * @throws GatewayTimeoutException when no answer came in time: the caller must send a {@link #reverse}
     * @throws GatewayUnavailableException when the acquirer refused the connection (nothing was held)
     */
    AuthorizationResult authorize(AuthorizationRequest request);

    /** Moves (part of) the held amount to the merchant. */
    GatewayResult capture(String authorizationReference, long amountMinor, String currency, String requestId);

    /** Releases the hold of an authorization that was not captured. */
    GatewayResult voidAuthorization(String authorizationReference, String requestId);

    /** Returns (part of) a captured amount to the card. */
    GatewayResult refund(String authorizationReference, long amountMinor, String currency, String requestId);

    /**
     * Undoes an authorization whose answer never arrived, found by the {@code requestId} it was sent with. Safe
     * when the acquirer never saw that authorization.
     */
    GatewayResult reverse(String authorizationRequestId);
}

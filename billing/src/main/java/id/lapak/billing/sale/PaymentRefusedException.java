package id.lapak.billing.sale;

/**
 * A capture, void or refund (or a payment request) that the sale's state or the rules do not allow. {@code reason}
 * is stable ({@code refund_exceeds_captured}, {@code not_captured}, {@code already_captured}, …): the API sends
 * it, the portal translates it as {@code payment.refused.<reason>}. The message never carries card data.
 */
public class PaymentRefusedException extends RuntimeException {

    private final String reason;
    private final int status;

    public PaymentRefusedException(String reason, String message) {
        this(reason, message, 409);
    }

    public PaymentRefusedException(String reason, String message, int status) {
        super(message);
        this.reason = reason;
        this.status = status;
    }

    public String reason() {
        return reason;
    }

    /** The HTTP status the device API answers with. */
    public int status() {
        return status;
    }
}

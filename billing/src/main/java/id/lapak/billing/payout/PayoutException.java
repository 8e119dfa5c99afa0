package id.lapak.billing.payout;

/** A payout change that is refused, with a stable reason and, for a bank answer file, the line at fault. */
public class PayoutException extends RuntimeException {

    private final String reason;
    private final int line;

    public PayoutException(String reason, String message, int line) {
        super(line > 0 ? "Line " + line + ": " + message : message);
        this.reason = reason;
        this.line = line;
    }

    public PayoutException(String reason, String message) {
        this(reason, message, 0);
    }

    public String reason() {
        return reason;
    }

    /** The line of the bank answer file, or 0. */
    public int line() {
        return line;
    }
}

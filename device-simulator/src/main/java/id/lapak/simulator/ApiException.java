package id.lapak.simulator;

/**
 * A non-2xx answer, read from its {@code application/problem+json} body. {@code reason} is the contract's stable
 * code ({@code assertion_replayed}, {@code device_revoked}, ...); callers decide on it, never on the title.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String title;
    private final String detail;
    private final String reason;
    private final String type;
    private final String retryAfter;
    private final String body;

    public ApiException(
            int status, String title, String detail, String reason, String type, String retryAfter, String body) {
        super(message(status, title, detail, reason));
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.reason = reason;
        this.type = type;
        this.retryAfter = retryAfter;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    /** The problem's {@code reason}, or null when the server gave none. */
    public String reason() {
        return reason;
    }

    public String type() {
        return type;
    }

    /** The {@code Retry-After} header of a {@code 429}, as sent; null otherwise. */
    public String retryAfter() {
        return retryAfter;
    }

    public String body() {
        return body;
    }

    private static String message(int status, String title, String detail, String reason) {
        var message = new StringBuilder().append(status);
        if (title != null) {
            message.append(' ').append(title);
        }
        if (detail != null) {
            message.append(": ").append(detail);
        }
        if (reason != null) {
            message.append(" (reason: ").append(reason).append(')');
        }
        return message.toString();
    }
}

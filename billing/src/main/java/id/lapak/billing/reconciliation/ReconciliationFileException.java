package id.lapak.billing.reconciliation;

/**
 * A settlement file that cannot be imported, with a stable {@link #reason()} (the translation key is
 * {@code reconciliation.error.<reason>}), the line it stops at (1-based, 0 for the file as a whole) and a short
 * detail (a column name, a value). Nothing of such a file is written.
 */
public class ReconciliationFileException extends RuntimeException {

    private final String reason;
    private final int line;
    private final String detail;

    public ReconciliationFileException(String reason, int line, String detail) {
        super((line > 0 ? "Line " + line + ": " : "")
                + reason.replace('_', ' ')
                + (detail == null ? "" : " (" + detail + ")"));
        this.reason = reason;
        this.line = line;
        this.detail = detail == null ? "" : detail;
    }

    public String reason() {
        return reason;
    }

    public int line() {
        return line;
    }

    public String detail() {
        return detail;
    }

    public String messageKey() {
        return "reconciliation.error." + reason;
    }
}

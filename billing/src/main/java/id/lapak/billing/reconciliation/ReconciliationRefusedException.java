package id.lapak.billing.reconciliation;

/** An action on an exception that cannot be done (wrong state, unknown reference), with a stable reason. */
public class ReconciliationRefusedException extends RuntimeException {

    private final String reason;

    public ReconciliationRefusedException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    public String messageKey() {
        return "reconciliation.refused." + reason;
    }
}

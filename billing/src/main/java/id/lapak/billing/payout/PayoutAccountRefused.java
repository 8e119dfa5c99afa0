package id.lapak.billing.payout;

import java.util.Map;

/** A payout account form with fields in error: field name → translation key of the message. Nothing was saved. */
public class PayoutAccountRefused extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public PayoutAccountRefused(Map<String, String> fieldErrors) {
        super("Payout account refused: " + fieldErrors.keySet());
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}

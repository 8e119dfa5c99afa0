package id.lapak.billing.settlement;

import java.util.Map;

/** An adjustment with fields in error: field name → translation key of the message. Nothing was saved. */
public class AdjustmentRefused extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public AdjustmentRefused(Map<String, String> fieldErrors) {
        super("Adjustment refused: " + fieldErrors.keySet());
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}

package id.lapak.billing.pricing;

import java.util.Map;

/** A plan or holiday with fields in error: field → translation key of the message. Nothing was saved. */
public class PricingRefused extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public PricingRefused(Map<String, String> fieldErrors) {
        super("Refused: " + fieldErrors.keySet());
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}

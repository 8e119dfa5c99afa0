package id.lapak.billing.subscription;

import java.util.Map;

/**
 * A plan, subscription or payment that cannot be saved: field → translation key of the message ({@code ""} for the
 * whole form). Nothing was saved.
 */
public class BillingRefused extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public BillingRefused(Map<String, String> fieldErrors) {
        super("Refused: " + fieldErrors);
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public static BillingRefused of(String messageKey) {
        return new BillingRefused(Map.of("", messageKey));
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}

package id.lapak.tenant.sale;

import java.util.Objects;
import java.util.UUID;

/**
 * One line of a sale as the device sold it. Money in minor units of the sale's currency; {@code quantity} in whole
 * units (negative never: a refund carries its own lines).
 */
public record SaleLine(
        UUID variantId, String description, int quantity, long unitPriceMinor, long taxMinor, long totalMinor) {

    public SaleLine {
        Objects.requireNonNull(variantId, "variantId");
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive");
        }
    }
}

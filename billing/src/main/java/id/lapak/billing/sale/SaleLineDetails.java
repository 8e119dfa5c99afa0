package id.lapak.billing.sale;

import java.util.UUID;

/**
 * A line of a sale as the device sold it, with how many units came back through refunds with restock.
 * {@code totalMinor} is after {@code discountMinor}, the discount the device reported on the line (null when none).
 */
public record SaleLineDetails(
        int lineNo,
        UUID variantId,
        String description,
        int quantity,
        long unitPriceMinor,
        long taxMinor,
        long totalMinor,
        int returnedQuantity,
        Long discountMinor) {}

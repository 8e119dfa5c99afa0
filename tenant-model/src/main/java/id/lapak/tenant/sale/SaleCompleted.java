package id.lapak.tenant.sale;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A sale was approved and recorded. Published inside the sale's own transaction and handled by plain
 * {@code @EventListener}s in it, so stock movements and customer history commit (or roll back) with the sale.
 * {@code deviceId} and {@code customerId} may be null.
 */
public record SaleCompleted(
        UUID tenantId,
        UUID saleId,
        UUID storeId,
        UUID deviceId,
        UUID customerId,
        String currency,
        long totalMinor,
        long taxMinor,
        long tipMinor,
        Instant completedAt,
        List<SaleLine> lines) {

    public SaleCompleted {
        lines = List.copyOf(lines);
    }
}

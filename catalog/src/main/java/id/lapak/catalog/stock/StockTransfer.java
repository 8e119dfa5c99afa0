package id.lapak.catalog.stock;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A transfer between two stores with its lines and its history (who created, sent, received or cancelled it). */
public record StockTransfer(
        UUID id,
        UUID fromStoreId,
        String fromStoreName,
        UUID toStoreId,
        String toStoreName,
        Status status,
        String note,
        Instant createdAt,
        String createdBy,
        Instant sentAt,
        String sentBy,
        Instant receivedAt,
        String receivedBy,
        Instant cancelledAt,
        String cancelledBy,
        long version,
        List<Line> lines) {

    public enum Status {
        CREATED,
        SENT,
        RECEIVED,
        CANCELLED
    }

    public record Line(UUID variantId, String variantName, long quantity) {}
}

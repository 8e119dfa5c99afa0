package id.lapak.catalog.stock;

import java.time.Instant;
import java.util.UUID;

/** One entry of the ledger: who moved how much of what, when, why, and what was on hand afterwards. */
public record StockMovement(
        UUID id,
        UUID storeId,
        String storeName,
        UUID variantId,
        String variantName,
        MovementKind kind,
        long quantity,
        long resultingOnHand,
        String reason,
        UUID referenceId,
        String actorKind,
        String actorName,
        UUID deviceId,
        Instant occurredAt) {}

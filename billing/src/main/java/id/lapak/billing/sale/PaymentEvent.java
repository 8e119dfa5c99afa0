package id.lapak.billing.sale;

import java.time.Instant;
import java.util.UUID;

/** One step of a sale's payment timeline: what was asked of the acquirer, its answer and its reference. */
public record PaymentEvent(
        UUID id,
        OperationKind kind,
        OperationStatus status,
        long amountMinor,
        String responseCode,
        String gatewayReference,
        String message,
        String reason,
        boolean restock,
        String actor,
        Instant at) {}

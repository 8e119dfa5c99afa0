package id.lapak.billing.sale;

import java.time.Instant;
import java.util.UUID;

/** One call to the acquirer about a sale (authorize, capture, reversal…), as its timeline row records it. */
public record NewOperation(
        UUID id,
        OperationKind kind,
        OperationStatus status,
        long amountMinor,
        String responseCode,
        String gatewayReference,
        String message,
        String actor,
        Instant at) {}

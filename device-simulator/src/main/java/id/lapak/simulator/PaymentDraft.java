package id.lapak.simulator;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A payment as the device is about to send it, before the card is encrypted. {@code expiryYyMm} is the card's
 * expiry as the reader reads it (YYMM); {@code track2} only for a swipe, may be null.
 */
public record PaymentDraft(
        String idempotencyKey,
        long amountMinor,
        String currency,
        long tipMinor,
        List<Line> lines,
        UUID customerId,
        String entryMode,
        Instant deviceTime,
        boolean offline,
        String pan,
        String expiryYyMm,
        String track2) {

    /** A sale line; {@code totalMinor} is what it adds to the amount. */
    public record Line(
            UUID variantId, String description, int quantity, long unitPriceMinor, long taxMinor, long totalMinor) {}

    public PaymentDraft {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** A chip payment of {@code amountMinor} with a fresh idempotency key, now, online, no lines. */
    public static PaymentDraft of(long amountMinor, String currency, String pan, String expiryYyMm) {
        return new PaymentDraft(
                UUID.randomUUID().toString(),
                amountMinor,
                currency,
                0,
                List.of(),
                null,
                "CHIP",
                null,
                false,
                pan,
                expiryYyMm,
                null);
    }

    public PaymentDraft withLines(List<Line> lines) {
        return new PaymentDraft(
                idempotencyKey,
                amountMinor,
                currency,
                tipMinor,
                lines,
                customerId,
                entryMode,
                deviceTime,
                offline,
                pan,
                expiryYyMm,
                track2);
    }

    public PaymentDraft withEntryMode(String entryMode, String track2) {
        return new PaymentDraft(
                idempotencyKey,
                amountMinor,
                currency,
                tipMinor,
                lines,
                customerId,
                entryMode,
                deviceTime,
                offline,
                pan,
                expiryYyMm,
                track2);
    }

    public PaymentDraft offlineAt(Instant deviceTime) {
        return new PaymentDraft(
                idempotencyKey,
                amountMinor,
                currency,
                tipMinor,
                lines,
                customerId,
                entryMode,
                deviceTime,
                true,
                pan,
                expiryYyMm,
                track2);
    }

    public PaymentDraft withTip(long tipMinor) {
        return new PaymentDraft(
                idempotencyKey,
                amountMinor,
                currency,
                tipMinor,
                lines,
                customerId,
                entryMode,
                deviceTime,
                offline,
                pan,
                expiryYyMm,
                track2);
    }

    @Override
    public String toString() {
        return "PaymentDraft[key=" + idempotencyKey + ", amountMinor=" + amountMinor + " " + currency + ", " + entryMode
                + (offline ? ", offline" : "") + "]";
    }
}

package id.lapak.simulator;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A payment as the device is about to send it, before the card is encrypted. {@code expiryYyMm} is the card's
 * expiry as the reader reads it (YYMM); {@code track2} only for a swipe, may be null; {@code cashier} the operator
 * signed in on the device, may be null (not sent).
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
        String track2,
        @JsonInclude(JsonInclude.Include.NON_NULL) Cashier cashier) {

    /**
     * A sale line; {@code totalMinor} is what it adds to the amount, after {@code discountMinor} (null: none, not
     * sent).
     */
    public record Line(
            UUID variantId,
            String description,
            int quantity,
            long unitPriceMinor,
            long taxMinor,
            long totalMinor,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long discountMinor) {

        public Line(
                UUID variantId, String description, int quantity, long unitPriceMinor, long taxMinor, long totalMinor) {
            this(variantId, description, quantity, unitPriceMinor, taxMinor, totalMinor, null);
        }

        /** A line with PPN inside its price and {@code discountMinor} off: its total is the rest. */
        public static Line discounted(
                UUID variantId, String description, int quantity, long unitPriceMinor, long discountMinor) {
            long total = quantity * unitPriceMinor - discountMinor;
            return new Line(
                    variantId,
                    description,
                    quantity,
                    unitPriceMinor,
                    0,
                    total,
                    discountMinor == 0 ? null : discountMinor);
        }
    }

    /** The operator as the device knows them: its own code and the name it shows (may be null). */
    public record Cashier(
            String code,
            @JsonInclude(JsonInclude.Include.NON_NULL) String name) {

        /** {@code CODE} or {@code CODE:NAME}, as the command line takes it. */
        public static Cashier parse(String text) {
            int colon = text.indexOf(':');
            return colon < 0
                    ? new Cashier(text, null)
                    : new Cashier(text.substring(0, colon), text.substring(colon + 1));
        }
    }

    public PaymentDraft {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** A draft without a cashier. */
    public PaymentDraft(
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
        this(
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
                track2,
                null);
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
                track2,
                cashier);
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
                track2,
                cashier);
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
                track2,
                cashier);
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
                track2,
                cashier);
    }

    public PaymentDraft withCashier(Cashier operator) {
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
                track2,
                operator);
    }

    @Override
    public String toString() {
        return "PaymentDraft[key=" + idempotencyKey + ", amountMinor=" + amountMinor + " " + currency + ", " + entryMode
                + (offline ? ", offline" : "") + "]";
    }
}

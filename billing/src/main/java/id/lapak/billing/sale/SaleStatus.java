package id.lapak.billing.sale;

/**
 * Where a sale's payment stands, and the one place its moves are decided. {@code PENDING} is being authorized;
 * {@code AUTHORIZED} holds funds that are not captured yet; {@code REVERSED} had no answer from the acquirer in
 * time and was reversed (nothing charged); {@code REVERSAL_PENDING} still waits for that reversal to be confirmed;
 * {@code FAILED} never reached the acquirer, or was approved but could not be recorded and was reversed.
 *
 * <pre>
 * PENDING ──approved──▶ AUTHORIZED ──capture──▶ CAPTURED ──refund──▶ PARTIALLY_REFUNDED ──refund──▶ REFUNDED
 *    │        └(captured at once)──────────────▶ CAPTURED ──refund (all)──────────────────────────▶ REFUNDED
 *    │                  AUTHORIZED ──void──▶ VOIDED
 *    ├─declined──▶ DECLINED      ├─unavailable──▶ FAILED
 *    └─no answer / not recorded ─▶ reversal confirmed? REVERSED (not recorded: FAILED) : REVERSAL_PENDING
 * REVERSAL_PENDING ──reversal confirmed──▶ REVERSED (not recorded: FAILED)
 * </pre>
 */
public enum SaleStatus {
    PENDING,
    AUTHORIZED,
    CAPTURED,
    PARTIALLY_REFUNDED,
    REFUNDED,
    VOIDED,
    DECLINED,
    REVERSED,
    REVERSAL_PENDING,
    FAILED;

    /** Funds were approved (whatever happened to them since). */
    public boolean approved() {
        return this == AUTHORIZED
                || this == CAPTURED
                || this == PARTIALLY_REFUNDED
                || this == REFUNDED
                || this == VOIDED;
    }

    /** Still being worked on: a replay waits for it or finishes it. */
    boolean unsettled() {
        return this == PENDING || this == REVERSAL_PENDING;
    }

    /** An approved authorization: captured at once (immediate capture that succeeded) or holding funds. */
    public static SaleStatus approved(boolean captured) {
        return captured ? CAPTURED : AUTHORIZED;
    }

    /**
     * After a reversal was sent: confirmed, a sale without an answer in time is {@code REVERSED} and an approved
     * sale that could not be recorded is {@code FAILED}; unconfirmed, both wait as {@code REVERSAL_PENDING}.
     */
    public static SaleStatus afterReversal(boolean confirmed, boolean saleNotRecorded) {
        if (!confirmed) {
            return REVERSAL_PENDING;
        }
        return saleNotRecorded ? FAILED : REVERSED;
    }

    /** Whether a person or device may start {@code move} (capture, void or refund) on a sale in this status. */
    boolean allows(OperationKind move) {
        return switch (move) {
            case CAPTURE, VOID -> this == AUTHORIZED;
            case REFUND -> this == CAPTURED || this == PARTIALLY_REFUNDED;
            default -> false;
        };
    }

    /**
     * Why {@code move} is refused in this status, as the device API's reason (see docs/device-api.md); null when
     * it is allowed.
     */
    String refusal(OperationKind move) {
        if (allows(move)) {
            return null;
        }
        if (this == REFUNDED && move == OperationKind.REFUND) {
            // Nothing left to refund is the same refusal as refunding more than is left.
            return "refund_exceeds_captured";
        }
        return switch (this) {
            case CAPTURED, PARTIALLY_REFUNDED, REFUNDED -> "already_captured";
            case VOIDED -> "voided";
            case AUTHORIZED -> "not_captured";
            default -> "not_approved";
        };
    }

    /** Where a successful {@code move} leads, with the sale's captured and refunded amounts after it. */
    SaleStatus after(OperationKind move, long capturedMinor, long refundedMinor) {
        if (!allows(move)) {
            throw new IllegalStateException("A sale that is " + this + " cannot be moved by " + move);
        }
        return switch (move) {
            case CAPTURE -> CAPTURED;
            case VOID -> VOIDED;
            default -> refundedMinor >= capturedMinor ? REFUNDED : PARTIALLY_REFUNDED;
        };
    }
}

package id.lapak.billing.sale;

/**
 * Where a sale's payment stands. {@code PENDING} is being authorized; {@code AUTHORIZED} holds funds that are not
 * captured yet; {@code REVERSED} had no answer from the acquirer in time and was reversed (nothing charged);
 * {@code REVERSAL_PENDING} still waits for that reversal to be confirmed; {@code FAILED} never reached the acquirer.
 */
public enum SaleStatus {
    PENDING, AUTHORIZED, CAPTURED, PARTIALLY_REFUNDED, REFUNDED, VOIDED, DECLINED, REVERSED, REVERSAL_PENDING, FAILED;

    /** Funds were approved (whatever happened to them since). */
    public boolean approved() {
        return this == AUTHORIZED || this == CAPTURED || this == PARTIALLY_REFUNDED || this == REFUNDED
                || this == VOIDED;
    }

    /** Still being worked on: a replay waits for it or finishes it. */
    boolean unsettled() {
        return this == PENDING || this == REVERSAL_PENDING;
    }
}

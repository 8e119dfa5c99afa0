package id.lapak.billing.payout;

/** Where a payout stands: scheduled, sent to the bank, paid, or failed (also after paid, when the bank returns it). */
public enum PayoutStatus {
    SCHEDULED,
    SENT,
    PAID,
    FAILED;

    /** The moves the bank's life allows: scheduled → sent → paid | failed; paid → failed. */
    public boolean canMoveTo(PayoutStatus next) {
        return switch (this) {
            case SCHEDULED -> next == SENT;
            case SENT -> next == PAID || next == FAILED;
            case PAID -> next == FAILED;
            case FAILED -> false;
        };
    }
}

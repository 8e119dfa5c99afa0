package id.lapak.billing.gateway.sandbox;

/**
 * An authorization and what became of it; changed only under its account's monitor. Each change returns its undo,
 * used when the journal could not record the operation.
 */
final class SandboxAuthorization {

    enum State {
        HELD,
        CAPTURED,
        VOIDED,
        REVERSED
    }

    final String reference;
    final String requestId;
    final SandboxAccount account;
    final long approved;
    final String currency;
    final String merchantId;
    final String brand;
    State state = State.HELD;
    long hold;
    long captured;
    long refunded;
    long chargedBack;
    long chargebackReversed;

    SandboxAuthorization(
            String reference,
            String requestId,
            SandboxAccount account,
            long approved,
            String currency,
            String merchantId,
            String brand) {
        this.reference = reference;
        this.requestId = requestId;
        this.account = account;
        this.approved = approved;
        this.currency = currency;
        this.merchantId = merchantId;
        this.brand = brand;
    }

    /** What the merchant still holds of the capture: captured − refunded − charged back (net of reversals). */
    long retained() {
        return captured - refunded - (chargedBack - chargebackReversed);
    }

    /** The cardholder gets {@code amount} back from the merchant through their issuer. */
    Runnable chargeback(long amount) {
        account.balance += amount;
        chargedBack += amount;
        return () -> {
            account.balance -= amount;
            chargedBack -= amount;
        };
    }

    /** The dispute went the merchant's way: the amount goes back to the merchant. */
    Runnable reverseChargeback(long amount) {
        account.balance -= amount;
        chargebackReversed += amount;
        return () -> {
            account.balance += amount;
            chargebackReversed -= amount;
        };
    }

    Runnable hold() {
        hold = approved;
        account.held += approved;
        return () -> {
            account.held -= hold;
            hold = 0;
            state = State.REVERSED;
        };
    }

    /** Moves {@code amount} of the hold to the merchant and releases the rest. */
    Runnable capture(long amount) {
        long heldBefore = hold;
        account.held -= heldBefore;
        account.balance -= amount;
        hold = 0;
        captured = amount;
        state = State.CAPTURED;
        return () -> {
            account.balance += amount;
            account.held += heldBefore;
            hold = heldBefore;
            captured = 0;
            state = State.HELD;
        };
    }

    Runnable release(State to) {
        long heldBefore = hold;
        State before = state;
        account.held -= heldBefore;
        hold = 0;
        state = to;
        return () -> {
            account.held += heldBefore;
            hold = heldBefore;
            state = before;
        };
    }

    Runnable refund(long amount) {
        account.balance += amount;
        refunded += amount;
        return () -> {
            account.balance -= amount;
            refunded -= amount;
        };
    }

    Runnable reverseCapture() {
        long amount = retained();
        State before = state;
        account.balance += amount;
        refunded += amount;
        state = State.REVERSED;
        return () -> {
            account.balance -= amount;
            refunded -= amount;
            state = before;
        };
    }

    /** Applies an operation another node journalled (or this node before a restart). */
    void apply(JournalEntry entry) {
        switch (entry.operation()) {
            case CAPTURE -> capture(entry.approvedMinor());
            case VOID -> release(State.VOIDED);
            case REFUND -> refund(entry.approvedMinor());
            case CHARGEBACK -> chargeback(entry.approvedMinor());
            case CHARGEBACK_REVERSAL -> reverseChargeback(entry.approvedMinor());
            case REVERSAL -> {
                if (state == State.HELD) {
                    release(State.REVERSED);
                } else if (state == State.CAPTURED) {
                    reverseCapture();
                }
            }
            default -> {}
        }
    }
}

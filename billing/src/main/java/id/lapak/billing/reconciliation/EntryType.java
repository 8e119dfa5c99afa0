package id.lapak.billing.reconciliation;

/** What a line of the acquirer's file moves, and its sign for the merchant (credit +1, debit −1). */
public enum EntryType {
    CAPTURE(1),
    REFUND(-1),
    CHARGEBACK(-1),
    CHARGEBACK_REVERSAL(1);

    private final int sign;

    EntryType(int sign) {
        this.sign = sign;
    }

    public int sign() {
        return sign;
    }
}

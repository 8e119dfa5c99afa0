package id.lapak.billing.ledger;

/** What caused a ledger transaction. */
public enum LedgerKind {
    CAPTURE,
    REFUND,
    REVERSAL,
    CHARGEBACK,
    CHARGEBACK_REVERSAL,
    SETTLEMENT,
    PAYOUT_SENT,
    PAYOUT_PAID,
    PAYOUT_FAILED,
    ADJUSTMENT
}

package id.lapak.billing.sale;

/**
 * A call to the acquirer about a sale, or (CHARGEBACK, CHARGEBACK_REVERSAL) the acquirer's own move on it. Money
 * sign for the merchant: CAPTURE and CHARGEBACK_REVERSAL +1, REFUND and CHARGEBACK −1; the others move no settled
 * money.
 */
public enum OperationKind {
    AUTHORIZE,
    CAPTURE,
    VOID,
    REFUND,
    REVERSAL,
    CHARGEBACK,
    CHARGEBACK_REVERSAL
}

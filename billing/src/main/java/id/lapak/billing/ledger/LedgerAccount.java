package id.lapak.billing.ledger;

/**
 * The chart of accounts of a tenant's ledger. An entry's amount is signed: a debit is positive, a credit negative;
 * a liability (what Lapak owes the merchant) therefore has a negative balance.
 */
public enum LedgerAccount {
    /** What the acquirer owes for captured sales, less refunds. */
    ACQUIRER_RECEIVABLE,
    /** Captured, not settled yet. */
    MERCHANT_PENDING,
    /** Settled, not paid out yet. */
    MERCHANT_PAYABLE,
    /** Sent to the bank, not confirmed paid yet. */
    PAYOUT_IN_TRANSIT,
    /** The platform's fees. */
    PLATFORM_FEES,
    /** PPN owed on the platform's fees. */
    PPN_ON_FEES,
    /** The platform's bank account the payouts leave from. */
    PLATFORM_CASH,
    /** The other side of manual adjustments. */
    ADJUSTMENTS,
    /** Lapak's invoices to the merchant, paid from the merchant's settled money (credit notes give back). */
    LAPAK_INVOICES
}

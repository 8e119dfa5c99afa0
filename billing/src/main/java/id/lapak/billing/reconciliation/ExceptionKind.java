package id.lapak.billing.reconciliation;

/**
 * Why a line or an operation did not simply match. EXPECTED_MISSING: Lapak recorded a money movement the
 * acquirer's files do not carry (yet); UNEXPECTED: the acquirer has a line Lapak has no operation for;
 * AMOUNT_MISMATCH: both have it with different amounts; FEE_MISMATCH: the acquirer's commission is not what its fee
 * schedule implies; DUPLICATE: the acquirer sent the same reference and type again.
 */
public enum ExceptionKind {
    EXPECTED_MISSING,
    UNEXPECTED,
    AMOUNT_MISMATCH,
    FEE_MISMATCH,
    DUPLICATE
}

package id.lapak.billing.reconciliation;

/** The layouts an acquirer's settlement file may come in; both are described in docs/reconciliation.md. */
public enum FileFormat {
    /** The sandbox acquirer's own settlement file ({@code SandboxSettlementFile.SETTLEMENT_HEADER}). */
    SANDBOX,
    /** A CSV with the columns of Adyen's Settlement Details Report. */
    GENERIC
}

package id.lapak.catalog.mail;

/** What an outbox e-mail is, for support and logs. */
public enum MailKind {
    LOW_STOCK,
    RECEIPT,
    /** A closed settlement batch's statement, to the tenant's admin. */
    SETTLEMENT_STATEMENT,
    /** The tenant's payout account was changed, to the tenant's admin. */
    PAYOUT_ACCOUNT_CHANGED,
    /** A report a person subscribed to, for a period that ended, to that person. */
    SCHEDULED_REPORT,
    /** An invoice or note Lapak issued to the tenant, with its PDF, to the tenant's admin. */
    SAAS_INVOICE,
    /** An invoice is overdue: reminder before suspension, to the tenant's admin. */
    SAAS_INVOICE_REMINDER,
    /** The day's signed checkpoint of the tenant's audit chain, to the tenant's admins. */
    AUDIT_DIGEST,
    /** A report a person asked for on the Reports page, to that person. */
    REQUESTED_REPORT
}

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
    SCHEDULED_REPORT
}

package id.lapak.catalog.mail;

/** What an outbox e-mail is, for support and logs. */
public enum MailKind {
    LOW_STOCK,
    RECEIPT
}

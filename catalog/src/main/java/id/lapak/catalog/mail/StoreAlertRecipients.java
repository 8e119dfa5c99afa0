package id.lapak.catalog.mail;

import java.util.List;
import java.util.UUID;

/**
 * Who receives a store's alert e-mails. Asked when the e-mail is sent, in the outbox's own transaction, so the sale
 * whose stock movement crossed a threshold never waits for a directory (which may be the identity provider).
 */
public interface StoreAlertRecipients {

    List<String> of(UUID tenantId, UUID storeId);
}

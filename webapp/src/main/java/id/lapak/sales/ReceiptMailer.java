package id.lapak.sales;

import id.lapak.catalog.mail.MailKind;
import id.lapak.catalog.mail.MailOutbox;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a sale's receipt to the customer by e-mail through the e-mail outbox: the receipt is read and written into
 * the outbox in one transaction, then delivered right after it commits and retried by the outbox job while the SMTP
 * server ({@code spring.mail.*}) is unreachable. None configured: the portal says so and nothing is queued. The
 * receipt is read with the sender's rights, so a store manager can only send receipts of their own stores. The log
 * names the sale, never the address.
 */
@Service
class ReceiptMailer {

    private static final Logger log = LoggerFactory.getLogger(ReceiptMailer.class);

    /** Why a receipt was not sent, as a translation key. */
    static class NotSentException extends RuntimeException {
        private final String key;

        NotSentException(String key) {
            super(key);
            this.key = key;
        }

        String key() {
            return key;
        }
    }

    private final Receipts receipts;
    private final MailOutbox outbox;
    private final TransactionTemplate transaction;
    private final String from;

    ReceiptMailer(
            Receipts receipts,
            MailOutbox outbox,
            PlatformTransactionManager transactions,
            @Value("${lapak.mail.from:Lapak <no-reply@lapak.local>}") String from) {
        this.receipts = receipts;
        this.outbox = outbox;
        this.transaction = new TransactionTemplate(transactions);
        this.from = from;
    }

    boolean available() {
        return outbox.available();
    }

    /** Queues the receipt; it leaves within moments, or as soon as the SMTP server is back. */
    void send(UUID saleId, String address, Locale locale, Receipts.Translator t) {
        if (!outbox.available()) {
            throw new NotSentException("sales.mail.notConfigured");
        }
        InternetAddress to;
        try {
            to = new InternetAddress(address == null ? "" : address.strip(), true);
            if (to.getAddress().indexOf('@') < 1) {
                throw new AddressException("no domain");
            }
        } catch (AddressException e) {
            throw new NotSentException("sales.mail.badAddress");
        }
        UUID mail = transaction.execute(status -> {
            Receipts.Receipt receipt = receipts.receipt(saleId);
            return outbox.enqueue(
                    MailKind.RECEIPT,
                    from,
                    List.of(to.getAddress()),
                    receipt.texts(locale, t)
                            .get(
                                    "sales.mail.subject",
                                    receipt.tenant().name(),
                                    receipt.store().name()),
                    "<!DOCTYPE html><html><body>" + receipts.html(receipt, locale, t) + "</body></html>",
                    true);
        });
        log.info("Receipt of sale {} queued for e-mail as {}", saleId, mail);
    }
}

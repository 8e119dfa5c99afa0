package id.lapak.sales;

import java.util.Locale;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * Sends a sale's receipt to the customer by e-mail through the SMTP server configured with {@code spring.mail.*}
 * (none configured: the portal says so and sends nothing). The receipt is read with the sender's rights, so a
 * store manager can only send receipts of their own stores. The log names the sale, never the address.
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
    private final ObjectProvider<JavaMailSender> senders;
    private final String from;

    ReceiptMailer(Receipts receipts, ObjectProvider<JavaMailSender> senders,
                  @Value("${lapak.mail.from:Lapak <no-reply@lapak.local>}") String from) {
        this.receipts = receipts;
        this.senders = senders;
        this.from = from;
    }

    boolean available() {
        return senders.getIfAvailable() != null;
    }

    void send(UUID saleId, String address, Locale locale, Receipts.Translator t) {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) {
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
        Receipts.Receipt receipt = receipts.receipt(saleId);
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(t.get("sales.mail.subject", receipt.tenant().name(), receipt.store().name()));
            helper.setText("<!DOCTYPE html><html><body>" + receipts.html(receipt, locale, t) + "</body></html>", true);
            sender.send(message);
            log.info("Receipt of sale {} sent by e-mail", saleId);
        } catch (MessagingException | MailException e) {
            log.warn("Receipt of sale {} could not be sent: {}", saleId, e.getClass().getSimpleName());
            throw new NotSentException("sales.mail.failed");
        }
    }
}

package id.lapak.catalog.mail;

import id.lapak.tenant.context.TenantContext;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes an e-mail into the outbox inside the caller's transaction and, once that transaction commits, hands it to
 * {@link MailOutboxSender} for an immediate attempt on a thread of its own. A rolled-back transaction leaves no row
 * and sends nothing; a committed row is retried by the clustered job until sent or given up. Without an SMTP host
 * ({@code spring.mail.host}) the row is written as SKIPPED and never sent, not even once a host is configured later
 * (an old alert would only confuse).
 */
@Service
public class MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final MailOutboxSender sender;
    private final Clock clock;

    /** Public so a test can wire an outbox to an SMTP server of its own. */
    public MailOutbox(
            JdbcClient jdbc, ObjectProvider<JavaMailSender> mailSender, MailOutboxSender sender, Clock clock) {
        this.jdbc = jdbc;
        this.mailSender = mailSender;
        this.sender = sender;
        this.clock = clock;
    }

    /** Whether e-mails can leave at all (an SMTP host is configured). */
    public boolean available() {
        return mailSender.getIfAvailable() != null;
    }

    /**
     * Queues one e-mail of the current tenant in the current transaction (there must be one: the e-mail belongs to
     * the work that decided it). Returns the outbox row's id.
     */
    public UUID enqueue(
            MailKind kind, String from, List<String> recipients, String subject, String body, boolean html) {
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("An e-mail needs at least one recipient");
        }
        return insert(kind, from, recipients, null, subject, body, html);
    }

    /** A file sent with an e-mail. */
    public record Attachment(String fileName, String contentType, byte[] content) {}

    /** Like {@link #enqueue(MailKind, String, List, String, String, boolean)}, with files attached. */
    public UUID enqueue(
            MailKind kind,
            String from,
            List<String> recipients,
            String subject,
            String body,
            boolean html,
            List<Attachment> attachments) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("An outbox e-mail must be written in the transaction that decides it");
        }
        UUID id = enqueue(kind, from, recipients, subject, body, html);
        int no = 0;
        for (Attachment a : attachments) {
            jdbc.sql("""
                            insert into mail_outbox_attachment (tenant_id, mail_id, no, file_name, content_type, content)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(TenantContext.requireTenant(), id, ++no, a.fileName(), a.contentType(), a.content())
                    .update();
        }
        return id;
    }

    /**
     * Queues an alert to a store's managers in the current transaction; who they are is asked when it is sent
     * ({@link StoreAlertRecipients}), so this transaction reads no directory. Returns the outbox row's id.
     */
    public UUID enqueueToStoreManagers(MailKind kind, String from, UUID storeId, String subject, String body) {
        return insert(kind, from, List.of(), Objects.requireNonNull(storeId, "storeId"), subject, body, false);
    }

    /**
     * Personal data rights: every e-mail of the current tenant addressed to {@code email} keeps no trace of it (the
     * address, subject and body are replaced), and one not sent yet is not sent. Returns how many rows changed.
     */
    public int forgetRecipient(String email) {
        TenantContext.requireTenant();
        if (email == null || email.isBlank()) {
            return 0;
        }
        return jdbc.sql("""
                        update mail_outbox set recipients = array['erased'], subject = '(erased)', body = '',
                            last_error = null, status = case when status = 'PENDING' then 'SKIPPED' else status end
                        where tenant_id = ? and exists (select 1 from unnest(recipients) r
                                                        where lower(r) = lower(?))""")
                .params(TenantContext.requireTenant(), email.strip())
                .update();
    }

    private UUID insert(
            MailKind kind,
            String from,
            List<String> recipients,
            UUID storeId,
            String subject,
            String body,
            boolean html) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("An outbox e-mail must be written in the transaction that decides it");
        }
        UUID tenant = TenantContext.requireTenant();
        UUID id = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        boolean configured = available();
        jdbc.sql("""
                        insert into mail_outbox (tenant_id, id, kind, status, sender, recipients, store_id, subject,
                                                 body, html, created_at, next_attempt_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        tenant,
                        id,
                        kind.name(),
                        configured ? "PENDING" : "SKIPPED",
                        from,
                        recipients.toArray(String[]::new),
                        new SqlParameterValue(Types.OTHER, storeId),
                        subject,
                        body,
                        html,
                        Timestamp.from(now),
                        Timestamp.from(now))
                .update();
        if (!configured) {
            log.info("{} e-mail {} skipped: no SMTP host configured (spring.mail.host)", kind, id);
            return id;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                sender.sendSoon(tenant, id);
            }
        });
        return id;
    }
}

package id.lapak.catalog.mail;

import id.lapak.tenant.context.PlatformAccess;
import id.lapak.tenant.context.TenantContext;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers outbox e-mails: once right after the writing transaction commits ({@link #sendSoon}, on a thread of its
 * own so nobody waits for the SMTP server), and every {@code lapak.mail.outbox.interval} through the clustered job
 * ({@link #sendDue()}), which lists due rows across tenants through the named platform path and then sends each in
 * its tenant's context.
 * <p>
 * One row is sent in one transaction that first locks it ({@code for update skip locked}, re-checking that it is
 * still due), then talks to the SMTP server, then marks it sent, or counts the failed attempt and sets the next one
 * ({@code lapak.mail.outbox.backoff}, the last step repeating) — so two nodes, or the quick path and the job, never
 * send the same row at the same time. After {@code lapak.mail.outbox.max-attempts} failed attempts the row is given
 * up (FAILED, with its last error) and logged once as a warning. A node dying after the SMTP server accepted the
 * e-mail and before the commit leaves the row pending: that one e-mail is sent again (at least once, not exactly
 * once).
 */
@Service
public class MailOutboxSender implements DisposableBean {

    /** What one run did: e-mails sent, e-mails that failed and wait for another attempt, e-mails given up. */
    public record Outcome(int sent, int retrying, int gaveUp) {}

    private enum Result {
        SENT,
        RETRYING,
        GAVE_UP,
        NOT_DUE,
        NO_RECIPIENTS
    }

    private record Due(UUID tenantId, UUID id) {}

    private record Row(
            MailKind kind,
            String sender,
            String[] recipients,
            UUID storeId,
            String subject,
            String body,
            boolean html,
            int attempts) {

        Row to(String[] resolved) {
            return new Row(kind, sender, resolved, storeId, subject, body, html, attempts);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(MailOutboxSender.class);

    private final JdbcClient jdbc;
    private final PlatformAccess platform;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final ObjectProvider<StoreAlertRecipients> storeRecipients;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int maxAttempts;
    private final List<Duration> backoff;
    private final int batchSize;
    private final ExecutorService quickPath = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("mail-outbox").daemon().factory());

    /** Public so a test can wire a sender to an SMTP server of its own. */
    public MailOutboxSender(
            JdbcClient jdbc,
            PlatformAccess platform,
            ObjectProvider<JavaMailSender> mailSender,
            ObjectProvider<StoreAlertRecipients> storeRecipients,
            PlatformTransactionManager transactions,
            Clock clock,
            @Value("${lapak.mail.outbox.max-attempts:10}") int maxAttempts,
            @Value("${lapak.mail.outbox.backoff:PT1M,PT5M,PT30M,PT2H,PT6H}") String backoff,
            @Value("${lapak.mail.outbox.batch-size:100}") int batchSize) {
        this.backoff = Arrays.stream(backoff.split(","))
                .map(String::strip)
                .map(Duration::parse)
                .toList();
        if (maxAttempts < 1
                || batchSize < 1
                || this.backoff.isEmpty()
                || this.backoff.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new IllegalStateException("lapak.mail.outbox: max-attempts and batch-size must be at least 1, "
                    + "backoff a comma-separated list of positive durations");
        }
        this.jdbc = jdbc;
        this.platform = platform;
        this.mailSender = mailSender;
        this.storeRecipients = storeRecipients;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.batchSize = batchSize;
    }

    /** The quick path: one attempt right after the writing transaction committed; the job retries a failure. */
    void sendSoon(UUID tenantId, UUID id) {
        try {
            quickPath.execute(() -> {
                try {
                    deliver(tenantId, id, clock.instant());
                } catch (RuntimeException e) {
                    log.warn(
                            "E-mail {} could not be attempted now ({}); the outbox job retries it",
                            id,
                            e.getClass().getSimpleName());
                }
            });
        } catch (RejectedExecutionException e) {
            log.info("E-mail {} left for the outbox job: shutting down", id);
        }
    }

    public Outcome sendDue() {
        return sendDue(clock.instant());
    }

    /** One run as of {@code now}; one e-mail's failure is recorded on its row and does not stop the others. */
    public Outcome sendDue(Instant now) {
        if (mailSender.getIfAvailable() == null) {
            return new Outcome(0, 0, 0);
        }
        List<Due> due = platform.call(
                "mail outbox: list e-mails due for sending",
                () -> jdbc.sql("""
                        select tenant_id, id from mail_outbox
                        where status = 'PENDING' and next_attempt_at <= ?
                        order by next_attempt_at
                        limit ?
                        for update skip locked""")
                        .params(Timestamp.from(now), batchSize)
                        .query((rs, n) ->
                                new Due(rs.getObject("tenant_id", UUID.class), rs.getObject("id", UUID.class)))
                        .list());
        int sent = 0;
        int retrying = 0;
        int gaveUp = 0;
        for (Due mail : due) {
            try {
                switch (deliver(mail.tenantId(), mail.id(), now)) {
                    case SENT -> sent++;
                    case RETRYING -> retrying++;
                    case GAVE_UP -> gaveUp++;
                    case NOT_DUE, NO_RECIPIENTS -> {}
                }
            } catch (RuntimeException e) {
                retrying++;
                log.error(
                        "Mail outbox: e-mail {} could not be attempted ({})",
                        mail.id(),
                        e.getClass().getSimpleName());
            }
        }
        if (!due.isEmpty()) {
            log.info(
                    "Mail outbox: {} e-mails sent, {} failed and wait for a retry, {} given up",
                    sent,
                    retrying,
                    gaveUp);
        }
        return new Outcome(sent, retrying, gaveUp);
    }

    private Result deliver(UUID tenantId, UUID id, Instant at) {
        JavaMailSender smtp = mailSender.getIfAvailable();
        if (smtp == null) {
            return Result.NOT_DUE;
        }
        Instant now = at.truncatedTo(ChronoUnit.MICROS);
        return TenantContext.callAs(
                tenantId,
                () -> transaction.execute(status -> {
                    Optional<Row> claimed = claim(tenantId, id, now);
                    if (claimed.isEmpty()) {
                        return Result.NOT_DUE; // sent, given up, not due yet, or being sent right now by another node
                    }
                    Row row = claimed.get();
                    if (row.recipients().length == 0) {
                        // An alert to a store's managers: whoever they are now.
                        StoreAlertRecipients directory = storeRecipients.getIfAvailable();
                        List<String> to = directory == null || row.storeId() == null
                                ? List.of()
                                : directory.of(tenantId, row.storeId());
                        if (to.isEmpty()) {
                            jdbc.sql("""
                                    update mail_outbox set status = 'SKIPPED', last_error = 'no recipients'
                                    where tenant_id = ? and id = ?""").params(tenantId, id).update();
                            log.info("{} e-mail {} skipped: the store has no alert recipients", row.kind(), id);
                            return Result.NO_RECIPIENTS;
                        }
                        row = row.to(to.toArray(String[]::new));
                    }
                    int attempts = row.attempts() + 1;
                    try {
                        smtp.send(message(smtp, row, attachments(tenantId, id)));
                    } catch (MailException | MessagingException e) {
                        return failed(tenantId, id, row, attempts, shortError(e), now);
                    }
                    jdbc.sql("""
                            update mail_outbox set status = 'SENT', attempts = ?, sent_at = ?, recipients = ?
                            where tenant_id = ? and id = ?""")
                            .params(attempts, Timestamp.from(now), row.recipients(), tenantId, id)
                            .update();
                    log.info("{} e-mail {} sent to {} recipient(s)", row.kind(), id, row.recipients().length);
                    return Result.SENT;
                }));
    }

    /** The e-mail's row, locked, if it is still pending and due (another node may be sending it right now). */
    private Optional<Row> claim(UUID tenantId, UUID id, Instant now) {
        return jdbc.sql("""
                        select kind, sender, recipients, store_id, subject, body, html, attempts from mail_outbox
                        where tenant_id = ? and id = ? and status = 'PENDING' and next_attempt_at <= ?
                        for update skip locked""")
                .params(tenantId, id, Timestamp.from(now))
                .query((rs, n) -> new Row(
                        MailKind.valueOf(rs.getString("kind")),
                        rs.getString("sender"),
                        strings(rs.getArray("recipients")),
                        rs.getObject("store_id", UUID.class),
                        rs.getString("subject"),
                        rs.getString("body"),
                        rs.getBoolean("html"),
                        rs.getInt("attempts")))
                .optional();
    }

    /** A failed attempt: given up after the last one, otherwise tried again after the next backoff. */
    private Result failed(UUID tenantId, UUID id, Row row, int attempts, String error, Instant now) {
        if (attempts >= maxAttempts) {
            jdbc.sql("""
                            update mail_outbox set status = 'FAILED', attempts = ?, last_error = ?
                            where tenant_id = ? and id = ?""").params(attempts, error, tenantId, id).update();
            log.warn("{} e-mail {} given up after {} attempts: {}", row.kind(), id, attempts, error);
            return Result.GAVE_UP;
        }
        Duration wait = backoff.get(Math.min(attempts, backoff.size()) - 1);
        jdbc.sql("""
                        update mail_outbox set attempts = ?, last_error = ?, next_attempt_at = ?
                        where tenant_id = ? and id = ?""")
                .params(attempts, error, Timestamp.from(now.plus(wait)), tenantId, id)
                .update();
        log.info("{} e-mail {} not sent (attempt {}, next in {}): {}", row.kind(), id, attempts, wait, error);
        return Result.RETRYING;
    }

    private List<MailOutbox.Attachment> attachments(UUID tenantId, UUID id) {
        return jdbc.sql("""
                        select file_name, content_type, content from mail_outbox_attachment
                        where tenant_id = ? and mail_id = ? order by no""")
                .params(tenantId, id)
                .query((rs, n) -> new MailOutbox.Attachment(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .list();
    }

    private static MimeMessage message(JavaMailSender smtp, Row row, List<MailOutbox.Attachment> attachments)
            throws MessagingException {
        MimeMessage message = smtp.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, !attachments.isEmpty(), "UTF-8");
        helper.setFrom(row.sender());
        helper.setTo(row.recipients());
        helper.setSubject(row.subject());
        helper.setText(row.body(), row.html());
        for (MailOutbox.Attachment a : attachments) {
            helper.addAttachment(a.fileName(), new ByteArrayResource(a.content()), a.contentType());
        }
        return message;
    }

    /** The failure in short for the row and the log: its type and message, long digit runs masked, cut at 300. */
    static String shortError(Exception e) {
        String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        text = text.replaceAll("\\d{12,}", "…").replaceAll("\\s+", " ");
        return text.length() <= 300 ? text : text.substring(0, 299) + "…";
    }

    private static String[] strings(Array array) throws SQLException {
        return (String[]) array.getArray();
    }

    @Override
    public void destroy() throws InterruptedException {
        quickPath.shutdown();
        quickPath.awaitTermination(5, TimeUnit.SECONDS);
    }
}

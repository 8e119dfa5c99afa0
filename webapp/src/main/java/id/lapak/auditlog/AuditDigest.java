package id.lapak.auditlog;

import id.lapak.catalog.mail.MailKind;
import id.lapak.catalog.mail.MailOutbox;
import id.lapak.mail.TenantAdmins;
import id.lapak.tenant.audit.AuditCheckpoints;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.tenant.context.TenantContext;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily audit digest: every active tenant's admins get, through the mail outbox, the last signed checkpoint of
 * their audit chain — its entry number, keyed hash, time and Ed25519 signature — so the merchant keeps evidence of
 * their own outside Lapak (docs/decisions/0027). Once per tenant and day (a unique key written with the e-mail).
 */
@Component
class AuditDigest {

    private static final Logger log = LoggerFactory.getLogger(AuditDigest.class);
    static final ZoneId DIGEST_ZONE = ZoneId.of("Asia/Jakarta");

    private record Tenant(UUID id, String name) {}

    private final AuditCheckpoints checkpoints;
    private final MailOutbox outbox;
    private final TenantAdmins admins;
    private final PlatformAccess platform;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String from;

    AuditDigest(
            AuditCheckpoints checkpoints,
            MailOutbox outbox,
            TenantAdmins admins,
            PlatformAccess platform,
            JdbcClient jdbc,
            PlatformTransactionManager transactionManager,
            Clock clock,
            @Value("${lapak.mail.from:Lapak <no-reply@lapak.local>}") String from) {
        this.checkpoints = checkpoints;
        this.outbox = outbox;
        this.admins = admins;
        this.platform = platform;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.from = from;
    }

    /** Queues today's digest for every active tenant with a checkpoint that has none yet; returns how many. */
    int queueDaily() {
        LocalDate day = LocalDate.now(clock.withZone(DIGEST_ZONE));
        Map<String, AuditCheckpoints.Checkpoint> latest = checkpoints.latest();
        List<Tenant> tenants = platform.call(
                "audit: tenants for the daily digest",
                () -> jdbc.sql("select id, name from tenant where status = 'ACTIVE' order by name")
                        .query((rs, n) -> new Tenant(rs.getObject(1, UUID.class), rs.getString(2)))
                        .list());
        int queued = 0;
        for (Tenant tenant : tenants) {
            AuditCheckpoints.Checkpoint checkpoint = latest.get(tenant.id().toString());
            if (checkpoint == null || checkpoint.signature() == null) {
                continue;
            }
            TenantAdmins.Recipients recipients = platform.call(
                            "audit: the tenant's admins", () -> admins.of(tenant.id()))
                    .orElse(null);
            if (recipients == null) {
                continue;
            }
            if (queue(tenant, day, checkpoint, recipients)) {
                queued++;
            }
        }
        if (queued > 0) {
            log.info("Queued {} audit digest(s) for {}", queued, day);
        }
        return queued;
    }

    private boolean queue(
            Tenant tenant, LocalDate day, AuditCheckpoints.Checkpoint checkpoint, TenantAdmins.Recipients recipients) {
        Locale locale = recipients.locale();
        ResourceBundle texts = ResourceBundle.getBundle("vaadin-i18n.translations", locale);
        String hash = checkpoint.head() == null ? "-" : HexFormat.of().formatHex(checkpoint.head());
        String subject = MessageFormat.format(texts.getString("auditDigest.subject"), tenant.name(), day.toString());
        String body = MessageFormat.format(
                texts.getString("auditDigest.body"),
                tenant.name(),
                Long.toString(checkpoint.seq()),
                hash,
                checkpoint.at().toString(),
                checkpoint.line());
        return Boolean.TRUE.equals(TenantContext.callAs(
                tenant.id(),
                () -> transaction.execute(status -> {
                    int inserted = jdbc.sql("""
                            insert into audit_digest_sent (tenant_id, day, chain_seq) values (?, ?, ?)
                            on conflict (tenant_id, day) do nothing""")
                            .params(tenant.id(), day, checkpoint.seq())
                            .update();
                    if (inserted == 1) {
                        outbox.enqueue(MailKind.AUDIT_DIGEST, from, recipients.emails(), subject, body, false);
                    }
                    return inserted == 1;
                })));
    }
}

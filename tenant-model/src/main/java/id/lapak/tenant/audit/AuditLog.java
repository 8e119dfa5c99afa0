package id.lapak.tenant.audit;

import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.access.LapakUser;
import id.lapak.tenant.access.ReadOnlyViewer;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.tenant.context.TenantAwareTransactionManager;
import id.lapak.tenant.context.TenantContext;
import id.lapak.tenant.csv.CsvWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes audit entries in the caller's transaction (so an entry commits or rolls back with the change it
 * describes) and verifies the chains. Each chain (one per tenant, one for the platform) is append-only: an entry
 * stores the HMAC-SHA256 of its canonical content including the previous entry's hash, under a key the database never
 * holds ({@code lapak.audit.chain-key}); appends to one chain are serialised by locking the chain's head row. The
 * heads are signed into checkpoints outside the database ({@link AuditCheckpoints}), and verification holds every
 * chain to its newest checkpoint (docs/decisions/0027).
 */
@Service
public class AuditLog {

    static final String PLATFORM_CHAIN = "platform";
    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PlatformAccess platformAccess;
    private final TransactionTemplate transaction;
    private final TransactionTemplate readOnly;
    private final SecretKeySpec chainKey;
    private final AuditCheckpoints checkpoints;

    public AuditLog(
            JdbcClient jdbc,
            Clock clock,
            PlatformAccess platformAccess,
            PlatformTransactionManager transactionManager,
            @Value("${lapak.audit.chain-key}") String chainKey,
            AuditCheckpoints checkpoints) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(chainKey);
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        if (key.length < 32) {
            throw new IllegalStateException("lapak.audit.chain-key must be base64 of at least 32 bytes");
        }
        this.chainKey = new SecretKeySpec(key, "HmacSHA256");
        this.checkpoints = checkpoints;
        this.jdbc = jdbc;
        this.clock = clock;
        this.platformAccess = platformAccess;
        this.transaction = new TransactionTemplate(transactionManager);
        this.transaction.setName(TenantAwareTransactionManager.AUDIT_TRANSACTION);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    /** Records {@code event} for the current tenant (the tenant context must name one). */
    public UUID record(AuditEvent event) {
        return recordFor(TenantContext.requireTenant(), event);
    }

    /**
     * Records {@code event} in {@code tenantId}'s chain, or in the platform chain when it is null. Inside a
     * transaction the entry is written just before that transaction commits (so it commits or rolls back with the
     * change, and the chain's lock is always the last lock a transaction takes: no lock-order deadlocks with the
     * caller's own row locks). Without a transaction (a login, a refused access) it is written at once in its own.
     */
    public UUID recordFor(UUID tenantId, AuditEvent event) {
        AuditActor actor = AuditActor.override()
                .or(() -> CurrentUser.find().map(AuditActor::of))
                .orElseGet(() -> AuditActor.system("application"));
        AuditOrigin origin = AuditOrigin.current().orElse(new AuditOrigin(null, null));
        Pending pending = new Pending(
                UUID.randomUUID(),
                tenantId,
                event,
                actor,
                origin,
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive()) {
            PendingEntries entries = (PendingEntries) TransactionSynchronizationManager.getResource(this);
            if (entries == null) {
                entries = new PendingEntries();
                TransactionSynchronizationManager.bindResource(this, entries);
                TransactionSynchronizationManager.registerSynchronization(entries);
            }
            entries.add(pending);
            return pending.id();
        }
        if (tenantId == null) {
            return platformAccess.call("audit: platform event " + event.action(), () -> append(pending));
        }
        return TenantContext.callAs(tenantId, () -> transaction.execute(s -> append(pending)));
    }

    private record Pending(
            UUID id, UUID tenantId, AuditEvent event, AuditActor actor, AuditOrigin origin, Instant occurredAt) {}

    /** The entries of one transaction, appended in the order they were recorded just before it commits. */
    private final class PendingEntries implements TransactionSynchronization {
        private final List<Pending> entries = new ArrayList<>();

        void add(Pending pending) {
            entries.add(pending);
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            // Chains in a fixed order, so two transactions touching the same chains lock them alike.
            entries.stream()
                    .sorted(Comparator.comparing((Pending p) -> chainKey(p.tenantId())))
                    .forEachOrdered(AuditLog.this::append);
            entries.clear();
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(AuditLog.this);
        }
    }

    private static String chainKey(UUID tenantId) {
        return tenantId == null ? PLATFORM_CHAIN : tenantId.toString();
    }

    private UUID append(Pending pending) {
        UUID tenantId = pending.tenantId();
        AuditEvent event = pending.event();
        AuditActor actor = pending.actor();
        AuditOrigin origin = pending.origin();
        String chain = chainKey(tenantId);
        jdbc.sql("""
                        insert into audit_chain_head (chain_key, tenant_id, last_seq, last_hash) values (?, ?, 0, null)
                        on conflict (chain_key) do nothing""").params(chain, tenantId).update();
        Head head = jdbc.sql("select last_seq, last_hash from audit_chain_head where chain_key = ? for update")
                .param(chain)
                .query((rs, n) -> new Head(rs.getLong(1), rs.getBytes(2)))
                .single();
        ChainEntry entry = new ChainEntry(
                pending.id(),
                chain,
                tenantId,
                head.lastSeq() + 1,
                pending.occurredAt(),
                actor,
                event.action(),
                event.entityType(),
                event.entityId(),
                AuditJson.changes(event.changes()),
                AuditJson.details(event.details()),
                origin.ip(),
                origin.userAgent(),
                head.lastHash(),
                ChainEntry.KEYED);
        byte[] hash = entry.hash(chainKey);
        jdbc.sql("""
                        insert into audit_entry (id, chain_key, tenant_id, seq, occurred_at, actor_kind, actor_id,
                            actor_name, actor_role, actor_tenant, action, entity_type, entity_id, changes, details, ip,
                            user_agent, prev_hash, hash)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        entry.id(),
                        chain,
                        tenantId,
                        entry.seq(),
                        Timestamp.from(entry.occurredAt()),
                        actor.kind().name(),
                        actor.id(),
                        actor.name(),
                        actor.role(),
                        actor.tenantId(),
                        entry.action(),
                        entry.entityType(),
                        entry.entityId(),
                        entry.changes(),
                        entry.details(),
                        entry.ip(),
                        entry.userAgent(),
                        entry.prevHash(),
                        hash)
                .update();
        // The head moves only through the owner's function, and only onto the entry just written.
        jdbc.sql("select app_audit_advance_head(?, ?, ?)")
                .params(chain, entry.seq(), hash)
                .query()
                .singleRow();
        return entry.id();
    }

    /**
     * A page of entries, newest first. Merchant admins read their own tenant's entries only (the query's tenant is
     * replaced by theirs, and row-level security agrees); support staff read any tenant, or every chain.
     */
    @PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'SUPPORT')")
    public List<AuditRecord> search(AuditQuery query, Pageable pageable) {
        int size = Math.min(Math.max(pageable == null ? 50 : pageable.getPageSize(), 1), 500);
        long offset = pageable == null ? 0 : (long) pageable.getPageNumber() * size;
        AuditFilter filter = filter(query);
        return read(
                filter,
                () -> filter.bind(jdbc.sql("select * from audit_entry" + filter.where()
                                + " order by occurred_at desc, chain_key, seq desc limit :limit offset :offset"))
                        .param("limit", size)
                        .param("offset", offset)
                        .query((rs, n) -> record(rs))
                        .list());
    }

    @PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'SUPPORT')")
    public long count(AuditQuery query) {
        AuditFilter filter = filter(query);
        return read(
                filter,
                () -> filter.bind(jdbc.sql("select count(*) from audit_entry" + filter.where()))
                        .query(Long.class)
                        .single());
    }

    /** Writes every matching entry as CSV (UTF-8, RFC 4180 quoting), streaming, newest first. */
    @PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'SUPPORT')")
    public void exportCsv(AuditQuery query, OutputStream out) {
        AuditFilter filter = filter(query);
        var writer = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.print("id,tenant_id,seq,occurred_at,actor_kind,actor_id,actor_name,actor_role,action,entity_type,"
                + "entity_id,changes,details,ip,user_agent\r\n");
        read(filter, () -> {
            filter.bind(jdbc.sql("select * from audit_entry" + filter.where()
                            + " order by occurred_at desc, chain_key, seq desc"))
                    .query((ResultSet rs) -> {
                        AuditRecord r = record(rs);
                        writer.print(Stream.of(
                                        r.id(),
                                        r.tenantId(),
                                        r.seq(),
                                        r.occurredAt(),
                                        r.actorKind(),
                                        r.actorId(),
                                        r.actorName(),
                                        r.actorRole(),
                                        r.action(),
                                        r.entityType(),
                                        r.entityId(),
                                        r.changes(),
                                        r.details(),
                                        r.ip(),
                                        r.userAgent())
                                .map(CsvWriter::cell)
                                .collect(Collectors.joining(",")));
                        writer.print("\r\n");
                    });
            return null;
        });
        writer.flush();
    }

    private AuditFilter filter(AuditQuery query) {
        LapakUser user = CurrentUser.require();
        AuditQuery q = query == null ? AuditQuery.all() : query;
        if (user.has(Role.SUPPORT) && !(user instanceof ReadOnlyViewer)) {
            return new AuditFilter(q, true);
        }
        if (!user.has(Role.MERCHANT_ADMIN)) {
            throw new AccessDeniedException("The audit log is for merchant admins and support");
        }
        return new AuditFilter(q.forTenant(TenantContext.requireTenant()), false);
    }

    private <T> T read(AuditFilter filter, Supplier<T> work) {
        if (filter.platform()) {
            return platformAccess.call("audit: support reads the audit log", work);
        }
        return readOnly.execute(s -> work.get());
    }

    private static AuditRecord record(ResultSet rs) throws SQLException {
        return new AuditRecord(
                rs.getObject("id", UUID.class),
                rs.getObject("tenant_id", UUID.class),
                rs.getLong("seq"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("actor_kind"),
                rs.getString("actor_id"),
                rs.getString("actor_name"),
                rs.getString("actor_role"),
                rs.getString("action"),
                rs.getString("entity_type"),
                rs.getString("entity_id"),
                rs.getString("changes"),
                rs.getString("details"),
                rs.getString("ip"),
                rs.getString("user_agent"));
    }

    /**
     * Walks every chain (platform access) and reports each one's state. A signed-in person must be support staff;
     * work with no person behind it (a job, the operators' management port) may always verify.
     */
    public List<ChainStatus> verifyAll() {
        CurrentUser.find().filter(user -> !user.has(Role.SUPPORT)).ifPresent(user -> {
            throw new AccessDeniedException("Only support staff verify every audit chain");
        });
        List<String> chains = platformAccess.call(
                "audit: verify every chain",
                () -> jdbc.sql("select chain_key from audit_chain_head order by chain_key")
                        .query(String.class)
                        .list());
        List<ChainStatus> result = new ArrayList<>();
        for (String chain : chains) {
            result.add(verifyChain(chain));
        }
        return result;
    }

    /**
     * Walks one tenant's chain ({@code null}: the platform chain). A signed-in person must be support staff or a
     * merchant admin of that tenant.
     */
    public ChainStatus verify(UUID tenantId) {
        CurrentUser.find()
                .filter(user -> !user.has(Role.SUPPORT)
                        && !(user.has(Role.MERCHANT_ADMIN)
                                && tenantId != null
                                && user.tenantId().filter(tenantId::equals).isPresent()))
                .ifPresent(user -> {
                    throw new AccessDeniedException("This audit chain is not yours to verify");
                });
        return verifyChain(tenantId == null ? PLATFORM_CHAIN : tenantId.toString());
    }

    private ChainStatus verifyChain(String chain) {
        return walkChain(chain).status();
    }

    private record Verified(String chain, ChainStatus status, Head head) {}

    private Verified walkChain(String chain) {
        UUID tenantId = PLATFORM_CHAIN.equals(chain) ? null : UUID.fromString(chain);
        AuditCheckpoints.Checkpoint checkpoint = checkpoints.latest().get(chain);
        return platformAccess.call("audit: verify chain " + chain, () -> {
            ChainWalk walk = new ChainWalk(tenantId, chainKey, checkpoint);
            jdbc.sql("select * from audit_entry where chain_key = ? order by seq")
                    .param(chain)
                    .query((ResultSet rs) -> {
                        walk.next(ChainEntry.read(rs), rs.getBytes("hash"));
                    });
            Head head = jdbc.sql("select last_seq, last_hash from audit_chain_head where chain_key = ?")
                    .param(chain)
                    .query((rs, n) -> new Head(rs.getLong(1), rs.getBytes(2)))
                    .optional()
                    .orElse(new Head(0, null));
            return new Verified(chain, walk.finish(head), head);
        });
    }

    /**
     * Verifies every chain and signs the head of each intact one into a new checkpoint file outside the database
     * (hourly and at day close). A broken chain is not signed: its problems are returned and stay visible. Called by
     * the scheduler and the day close, never from a page.
     */
    public List<ChainStatus> checkpointAll() {
        List<String> chains = platformAccess.call(
                "audit: list chains for a checkpoint",
                () -> jdbc.sql("select chain_key from audit_chain_head order by chain_key")
                        .query(String.class)
                        .list());
        return checkpoint(chains);
    }

    /** Signs one tenant's chain head (after its day closed), when the chain is intact. */
    public ChainStatus checkpointTenant(UUID tenantId) {
        return checkpoint(List.of(chainKey(tenantId))).getFirst();
    }

    private List<ChainStatus> checkpoint(List<String> chains) {
        Instant at = clock.instant();
        List<AuditCheckpoints.Checkpoint> signed = new ArrayList<>();
        List<ChainStatus> result = new ArrayList<>();
        for (String chain : chains) {
            Verified verified = walkChain(chain);
            result.add(verified.status());
            if (verified.status().intact()) {
                signed.add(new AuditCheckpoints.Checkpoint(
                        chain, verified.head().lastSeq(), verified.head().lastHash(), at));
            } else {
                log.error(
                        "Audit chain {} is broken and was not signed: {}",
                        chain,
                        verified.status().problem());
            }
        }
        if (!signed.isEmpty()) {
            checkpoints.write(signed, at);
        }
        return result;
    }

    /** A chain's head as the database keeps it. */
    record Head(long lastSeq, byte[] lastHash) {}
}

package id.lapak.tenant.audit;

import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.tenant.context.TenantAwareTransactionManager;
import id.lapak.tenant.context.TenantContext;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

    /** Creates a chain's head row the first time the chain is written to. */
    private static final String CREATE_HEAD = """
            insert into audit_chain_head (chain_key, tenant_id, last_seq, last_hash) values (?, ?, 0, null)
            on conflict (chain_key) do nothing""";

    /** Writes one entry of a chain. */
    private static final String INSERT_ENTRY = """
            insert into audit_entry (id, chain_key, tenant_id, seq, occurred_at, actor_kind, actor_id,
                actor_name, actor_role, actor_tenant, action, entity_type, entity_id, changes, details, ip,
                user_agent, prev_hash, hash)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PlatformAccess platformAccess;
    private final TransactionTemplate transaction;
    private final AuditReader reader;
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
        TransactionTemplate readOnly = new TransactionTemplate(transactionManager);
        readOnly.setReadOnly(true);
        this.reader = new AuditReader(jdbc, platformAccess, readOnly);
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

    /** Appends one entry to its chain: locks the chain's head, writes the entry after it, moves the head onto it. */
    private UUID append(Pending pending) {
        String chain = chainKey(pending.tenantId());
        jdbc.sql(CREATE_HEAD).params(chain, pending.tenantId()).update();
        Head head = jdbc.sql("select last_seq, last_hash from audit_chain_head where chain_key = ? for update")
                .param(chain)
                .query((rs, n) -> new Head(rs.getLong(1), rs.getBytes(2)))
                .single();
        ChainEntry entry = entry(pending, chain, head);
        byte[] hash = entry.hash(chainKey);
        insert(entry, hash);
        // The head moves only through the owner's function, and only onto the entry just written.
        jdbc.sql("select app_audit_advance_head(?, ?, ?)")
                .params(chain, entry.seq(), hash)
                .query()
                .singleRow();
        return entry.id();
    }

    /** The chain entry a pending event becomes: the next one after {@code head}. */
    private static ChainEntry entry(Pending pending, String chain, Head head) {
        AuditEvent event = pending.event();
        AuditOrigin origin = pending.origin();
        return new ChainEntry(
                pending.id(),
                chain,
                pending.tenantId(),
                head.lastSeq() + 1,
                pending.occurredAt(),
                pending.actor(),
                event.action(),
                event.entityType(),
                event.entityId(),
                AuditJson.changes(event.changes()),
                AuditJson.details(event.details()),
                origin.ip(),
                origin.userAgent(),
                head.lastHash(),
                ChainEntry.KEYED);
    }

    /** Writes the entry, with its hash, into the chain. */
    private void insert(ChainEntry entry, byte[] hash) {
        AuditActor actor = entry.actor();
        jdbc.sql(INSERT_ENTRY)
                .params(
                        entry.id(),
                        entry.chain(),
                        entry.tenantId(),
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
    }

    /**
     * A page of entries, newest first. Merchant admins read their own tenant's entries only (the query's tenant is
     * replaced by theirs, and row-level security agrees); support staff read any tenant, or every chain.
     */
    @PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'SUPPORT')")
    public List<AuditRecord> search(AuditQuery query, Pageable pageable) {
        return reader.search(query, pageable);
    }

    @PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'SUPPORT')")
    public long count(AuditQuery query) {
        return reader.count(query);
    }

    /** Writes every matching entry as CSV (UTF-8, RFC 4180 quoting), streaming, newest first. */
    @PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'SUPPORT')")
    public void exportCsv(AuditQuery query, OutputStream out) {
        reader.exportCsv(query, out);
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
        return walkChain(chain, checkpoints.latest()).status();
    }

    private record Verified(String chain, ChainStatus status, Head head) {}

    /** Walks a chain against its newest signed checkpoint among {@code latest} (read once for many chains). */
    private Verified walkChain(String chain, Map<String, AuditCheckpoints.Checkpoint> latest) {
        UUID tenantId = PLATFORM_CHAIN.equals(chain) ? null : UUID.fromString(chain);
        AuditCheckpoints.Checkpoint checkpoint = latest.get(chain);
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

    /** Signs one tenant's chain head, when the chain is intact. */
    public ChainStatus checkpointTenant(UUID tenantId) {
        return checkpoint(List.of(chainKey(tenantId))).getFirst();
    }

    /** Signs these tenants' chain heads (after a close of day), the intact ones, into one checkpoint. */
    public List<ChainStatus> checkpointTenants(List<UUID> tenantIds) {
        return checkpoint(tenantIds.stream().map(AuditLog::chainKey).toList());
    }

    private List<ChainStatus> checkpoint(List<String> chains) {
        Instant at = clock.instant();
        List<AuditCheckpoints.Checkpoint> signed = new ArrayList<>();
        List<ChainStatus> result = new ArrayList<>();
        // Every checkpoint file is read and its signatures checked once for the whole set, not once per chain.
        Map<String, AuditCheckpoints.Checkpoint> latest = checkpoints.latest();
        for (String chain : chains) {
            Verified verified = walkChain(chain, latest);
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

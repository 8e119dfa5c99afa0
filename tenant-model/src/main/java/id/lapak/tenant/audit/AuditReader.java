package id.lapak.tenant.audit;

import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.access.LapakUser;
import id.lapak.tenant.access.ReadOnlyViewer;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.tenant.context.TenantContext;
import id.lapak.tenant.csv.CsvWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the audit log for {@link AuditLog}: a page of entries, their count and the CSV export, each limited to what
 * the signed-in person may see (a merchant admin their own tenant in a read-only transaction, support staff any
 * tenant through platform access).
 */
final class AuditReader {

    private final JdbcClient jdbc;
    private final PlatformAccess platformAccess;
    private final TransactionTemplate readOnly;

    AuditReader(JdbcClient jdbc, PlatformAccess platformAccess, TransactionTemplate readOnly) {
        this.jdbc = jdbc;
        this.platformAccess = platformAccess;
        this.readOnly = readOnly;
    }

    /**
     * A page of entries, newest first. Merchant admins read their own tenant's entries only (the query's tenant is
     * replaced by theirs, and row-level security agrees); support staff read any tenant, or every chain.
     */
    List<AuditRecord> search(AuditQuery query, Pageable pageable) {
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

    long count(AuditQuery query) {
        AuditFilter filter = filter(query);
        return read(
                filter,
                () -> filter.bind(jdbc.sql("select count(*) from audit_entry" + filter.where()))
                        .query(Long.class)
                        .single());
    }

    /** Writes every matching entry as CSV (UTF-8, RFC 4180 quoting), streaming, newest first. */
    void exportCsv(AuditQuery query, OutputStream out) {
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
}

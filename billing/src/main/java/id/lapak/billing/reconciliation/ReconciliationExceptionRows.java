package id.lapak.billing.reconciliation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reconciliation exceptions table: exceptions written, read, locked and resolved. Every statement names the
 * tenant itself: row-level security is the second wall.
 */
@Component
class ReconciliationExceptionRows {

    record NewException(
            UUID id,
            ExceptionKind kind,
            UUID operationId,
            Integer lineNo,
            UUID storeId,
            String reference,
            String currency,
            Long expectedMinor,
            Long actualMinor,
            Instant since) {}

    /** An exception row with what the page shows next to it. */
    record Stored(
            UUID id,
            ExceptionKind kind,
            boolean open,
            Resolution resolution,
            UUID operationId,
            UUID importId,
            Integer lineNo,
            UUID storeId,
            String reference,
            String currency,
            Long expectedMinor,
            Long actualMinor,
            Instant since,
            String reason,
            String resolvedBy,
            Instant resolvedAt,
            UUID saleId,
            String fileName) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ReconciliationExceptionRows(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Inserts the exceptions; one already there (same operation missing, same line and kind) is left alone. */
    void insertExceptions(UUID tenant, UUID importId, List<NewException> exceptions, Instant at) {
        template.batchUpdate("""
                        insert into recon_exception (tenant_id, id, kind, operation_id, import_id, line_no, store_id,
                            reference, currency, expected_minor, actual_minor, since, created_at, status)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')
                        on conflict do nothing""", exceptions, 1000, (ps, e) -> {
            ps.setObject(1, tenant);
            ps.setObject(2, e.id());
            ps.setString(3, e.kind().name());
            ps.setObject(4, e.operationId());
            ps.setObject(5, e.lineNo() == null ? null : importId);
            ps.setObject(6, e.lineNo());
            ps.setObject(7, e.storeId());
            ps.setString(8, e.reference());
            ps.setString(9, e.currency());
            ps.setObject(10, e.expectedMinor());
            ps.setObject(11, e.actualMinor());
            ps.setTimestamp(12, Timestamp.from(e.since()));
            ps.setTimestamp(13, Timestamp.from(at));
        });
    }

    /** Open "expected but missing" exceptions of these operations are resolved: the line arrived (or was linked). */
    int resolveMissing(UUID tenant, Collection<UUID> operations, Resolution resolution, String by, Instant at) {
        if (operations.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        update recon_exception set status = 'RESOLVED', resolution = ?, resolved_by = ?,
                            resolved_at = ?
                        where tenant_id = ? and kind = 'EXPECTED_MISSING' and status = 'OPEN'
                          and operation_id = any(?)""")
                .params(resolution.name(), by, Timestamp.from(at), tenant, operations.toArray(UUID[]::new))
                .update();
    }

    Optional<Stored> lockException(UUID tenant, UUID id) {
        return jdbc.sql(EXCEPTIONS + "\n where e.tenant_id = ? and e.id = ? for update of e")
                .params(tenant, id)
                .query((rs, n) -> stored(rs))
                .optional();
    }

    List<Stored> exceptions(UUID tenant, boolean openOnly, Set<UUID> stores, int limit, long offset) {
        return jdbc.sql(EXCEPTIONS + "\n" + where(openOnly, stores) + "\n" + """
                         order by (e.status = 'OPEN') desc, e.since, e.id limit ? offset ?""")
                .params(params(tenant, stores, limit, offset))
                .query((rs, n) -> stored(rs))
                .list();
    }

    long countExceptions(UUID tenant, boolean openOnly, Set<UUID> stores) {
        return jdbc.sql("select count(*) from recon_exception e" + where(openOnly, stores))
                .params(params(tenant, stores))
                .query(Long.class)
                .single();
    }

    private static String where(boolean openOnly, Set<UUID> stores) {
        return " where e.tenant_id = ?" + (openOnly ? " and e.status = 'OPEN'" : "")
                + (stores == null ? "" : " and e.store_id = any(?)");
    }

    private static List<Object> params(UUID tenant, Set<UUID> stores, Object... more) {
        List<Object> params = new ArrayList<>();
        params.add(tenant);
        if (stores != null) {
            params.add(stores.toArray(UUID[]::new));
        }
        params.addAll(List.of(more));
        return params;
    }

    private static final String EXCEPTIONS = """
            select e.*, o.sale_id, i.file_name from recon_exception e
            left join payment_operation o on o.tenant_id = e.tenant_id and o.id = e.operation_id
            left join recon_import i on i.tenant_id = e.tenant_id and i.id = e.import_id""";

    private static Stored stored(ResultSet rs) throws SQLException {
        Timestamp resolvedAt = rs.getTimestamp("resolved_at");
        String resolution = rs.getString("resolution");
        return new Stored(
                rs.getObject("id", UUID.class),
                ExceptionKind.valueOf(rs.getString("kind")),
                "OPEN".equals(rs.getString("status")),
                resolution == null ? null : Resolution.valueOf(resolution),
                rs.getObject("operation_id", UUID.class),
                rs.getObject("import_id", UUID.class),
                (Integer) rs.getObject("line_no"),
                rs.getObject("store_id", UUID.class),
                rs.getString("reference"),
                rs.getString("currency"),
                (Long) rs.getObject("expected_minor"),
                (Long) rs.getObject("actual_minor"),
                rs.getTimestamp("since").toInstant(),
                rs.getString("reason"),
                rs.getString("resolved_by"),
                resolvedAt == null ? null : resolvedAt.toInstant(),
                rs.getObject("sale_id", UUID.class),
                rs.getString("file_name"));
    }

    void resolve(UUID tenant, UUID id, Resolution resolution, String reason, String by, Instant at) {
        jdbc.sql("""
                        update recon_exception set status = 'RESOLVED', resolution = ?, reason = ?, resolved_by = ?,
                            resolved_at = ?
                        where tenant_id = ? and id = ? and status = 'OPEN'""")
                .params(resolution.name(), reason, by, Timestamp.from(at), tenant, id)
                .update();
    }

    /** The line of an open "unexpected" exception with this acquirer reference and type. */
    Optional<Stored> openUnexpected(UUID tenant, String reference, EntryType type) {
        return jdbc.sql(EXCEPTIONS + "\n" + """
                         join recon_line l on l.tenant_id = e.tenant_id and l.import_id = e.import_id
                             and l.line_no = e.line_no
                         where e.tenant_id = ? and e.kind = 'UNEXPECTED' and e.status = 'OPEN'
                           and l.psp_reference = ? and l.entry_type = ?
                         order by e.since limit 1""")
                .params(tenant, reference, type.name())
                .query((rs, n) -> stored(rs))
                .optional();
    }
}

package id.lapak.billing.reconciliation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reconciliation imports and their lines, and the payment operations the lines match. Every statement names the
 * tenant itself: row-level security is the second wall.
 */
@Component
class ReconciliationRows {

    private static final int CHUNK = 5_000;
    static final String MONEY_KINDS = "('CAPTURE', 'REFUND', 'CHARGEBACK', 'CHARGEBACK_REVERSAL')";

    /** A succeeded money operation of the tenant as reconciliation sees it. */
    record Operation(
            UUID id,
            UUID saleId,
            UUID storeId,
            EntryType type,
            long amountMinor,
            String reference,
            String brand,
            String currency,
            Instant completedAt,
            boolean matched) {

        long signedMinor() {
            return type.sign() * amountMinor;
        }
    }

    /** A stored line. */
    record Line(
            UUID importId,
            int lineNo,
            String pspReference,
            EntryType type,
            long grossMinor,
            long commissionMinor,
            String currency,
            Instant bookedAt,
            boolean duplicate,
            UUID operationId) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ReconciliationRows(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    String tenantCurrency(UUID tenant) {
        return jdbc.sql("select currency from tenant where id = ?")
                .param(tenant)
                .query(String.class)
                .single();
    }

    String tenantZone(UUID tenant) {
        return jdbc.sql("select time_zone from tenant where id = ?")
                .param(tenant)
                .query(String.class)
                .single();
    }

    Optional<ImportSummary> importByHash(UUID tenant, byte[] sha256) {
        return jdbc.sql("select * from recon_import where tenant_id = ? and file_sha256 = ?")
                .params(tenant, sha256)
                .query((rs, n) -> summary(rs))
                .optional();
    }

    List<ImportSummary> imports(UUID tenant, int limit) {
        return jdbc.sql("select * from recon_import where tenant_id = ? order by imported_at desc, id limit ?")
                .params(tenant, limit)
                .query((rs, n) -> summary(rs))
                .list();
    }

    private static ImportSummary summary(ResultSet rs) throws SQLException {
        return new ImportSummary(
                rs.getObject("id", UUID.class),
                rs.getString("file_name"),
                FileFormat.valueOf(rs.getString("format")),
                rs.getTimestamp("imported_at").toInstant(),
                rs.getString("imported_by"),
                rs.getInt("line_count"),
                rs.getInt("matched_count"),
                rs.getInt("exception_count"));
    }

    /** Which of these references already have a (non-duplicate) line, as {@code reference/TYPE}. */
    Set<String> existingLineKeys(UUID tenant, Collection<String> references) {
        Set<String> keys = new HashSet<>();
        for (List<String> chunk : chunks(references)) {
            jdbc.sql("""
                            select psp_reference, entry_type from recon_line
                            where tenant_id = ? and psp_reference = any(?) and not duplicate""")
                    .params(tenant, chunk.toArray(String[]::new))
                    .query((rs, n) -> keys.add(rs.getString(1) + "/" + rs.getString(2)))
                    .list();
        }
        return keys;
    }

    /** The tenant's succeeded money operations with these acquirer references, by {@code reference/TYPE}. */
    Map<String, Operation> operations(UUID tenant, Collection<String> references) {
        Map<String, Operation> found = new HashMap<>();
        for (List<String> chunk : chunks(references)) {
            jdbc.sql(OPERATIONS + "\n and o.gateway_reference = any(?)")
                    .params(tenant, chunk.toArray(String[]::new))
                    .query((rs, n) -> operation(rs))
                    .list()
                    .forEach(o -> found.put(o.reference() + "/" + o.type(), o));
        }
        return found;
    }

    Optional<Operation> operation(UUID tenant, String reference, EntryType type) {
        return jdbc.sql(OPERATIONS + "\n and o.gateway_reference = ? and o.kind = ?")
                .params(tenant, reference, type.name())
                .query((rs, n) -> operation(rs))
                .optional();
    }

    Optional<Operation> operation(UUID tenant, UUID id) {
        return jdbc.sql(OPERATIONS + "\n and o.id = ?")
                .params(tenant, id)
                .query((rs, n) -> operation(rs))
                .optional();
    }

    /**
     * Operations completed up to {@code until} that no line matches and that are not reported missing yet, except
     * {@code matchedNow} (matched by the file being imported).
     */
    List<Operation> unmatchedWithoutException(UUID tenant, Instant until, Set<UUID> matchedNow) {
        return jdbc
                .sql(OPERATIONS + "\n" + """
                         and o.completed_at <= ?
                         and not exists (select 1 from recon_line l where l.tenant_id = o.tenant_id
                                         and l.operation_id = o.id)
                         and not exists (select 1 from recon_exception e where e.tenant_id = o.tenant_id
                                         and e.operation_id = o.id and e.kind = 'EXPECTED_MISSING')""")
                .params(tenant, Timestamp.from(until))
                .query((rs, n) -> operation(rs))
                .list()
                .stream()
                .filter(o -> !matchedNow.contains(o.id()))
                .toList();
    }

    private static final String OPERATIONS = """
            select o.id, o.sale_id, s.store_id, o.kind, o.amount_minor, o.gateway_reference, s.card_brand,
                   s.currency, coalesce(o.completed_at, o.created_at) as completed_at,
                   exists (select 1 from recon_line l where l.tenant_id = o.tenant_id and l.operation_id = o.id)
                       as matched
            from payment_operation o join sale s on s.tenant_id = o.tenant_id and s.id = o.sale_id
            where o.tenant_id = ? and o.status = 'SUCCEEDED' and o.kind in """ + MONEY_KINDS;

    private static Operation operation(ResultSet rs) throws SQLException {
        return new Operation(
                rs.getObject("id", UUID.class),
                rs.getObject("sale_id", UUID.class),
                rs.getObject("store_id", UUID.class),
                EntryType.valueOf(rs.getString("kind")),
                rs.getLong("amount_minor"),
                rs.getString("gateway_reference"),
                rs.getString("card_brand"),
                rs.getString("currency"),
                rs.getTimestamp("completed_at").toInstant(),
                rs.getBoolean("matched"));
    }

    /** The first reference of the list that is an operation of another tenant (run through the platform path). */
    Optional<String> foreignReference(UUID tenant, Collection<String> references) {
        for (List<String> chunk : chunks(references)) {
            Optional<String> found = jdbc.sql("""
                            select gateway_reference from payment_operation
                            where gateway_reference = any(?) and tenant_id <> ? limit 1""")
                    .params(chunk.toArray(String[]::new), tenant)
                    .query(String.class)
                    .optional();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    void insertImport(
            UUID tenant,
            UUID id,
            String fileName,
            FileFormat format,
            byte[] sha256,
            long bytes,
            String currency,
            int lines,
            int matched,
            int exceptions,
            Instant at,
            String by) {
        jdbc.sql("""
                        insert into recon_import (tenant_id, id, file_name, format, file_sha256, file_bytes, currency,
                            line_count, matched_count, exception_count, imported_at, imported_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        tenant,
                        id,
                        fileName,
                        format.name(),
                        sha256,
                        bytes,
                        currency,
                        lines,
                        matched,
                        exceptions,
                        Timestamp.from(at),
                        by)
                .update();
    }

    void insertLines(
            UUID tenant,
            UUID importId,
            List<AcquirerLine> lines,
            Map<Integer, UUID> operationOf,
            Set<Integer> duplicates) {
        template.batchUpdate("""
                        insert into recon_line (tenant_id, import_id, line_no, psp_reference, merchant_reference,
                            entry_type, booked_at, currency, gross_minor, commission_minor, net_minor, batch_number,
                            duplicate, operation_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", lines, 1000, (ps, l) -> {
            ps.setObject(1, tenant);
            ps.setObject(2, importId);
            ps.setInt(3, l.lineNo());
            ps.setString(4, l.pspReference());
            ps.setString(5, l.merchantReference());
            ps.setString(6, l.type().name());
            ps.setTimestamp(7, Timestamp.from(l.bookedAt()));
            ps.setString(8, l.currency());
            ps.setLong(9, l.grossMinor());
            ps.setLong(10, l.commissionMinor());
            ps.setLong(11, l.netMinor());
            ps.setString(12, l.batchNumber());
            ps.setBoolean(13, duplicates.contains(l.lineNo()));
            ps.setObject(14, operationOf.get(l.lineNo()));
        });
    }

    Optional<Line> line(UUID tenant, UUID importId, int lineNo) {
        return jdbc.sql(LINES + "\n where tenant_id = ? and import_id = ? and line_no = ?")
                .params(tenant, importId, lineNo)
                .query((rs, n) -> line(rs))
                .optional();
    }

    /** Matches a line to an operation by hand; false when the line is matched already. */
    boolean link(UUID tenant, UUID importId, int lineNo, UUID operationId) {
        return jdbc.sql("""
                        update recon_line set operation_id = ?
                        where tenant_id = ? and import_id = ? and line_no = ? and operation_id is null
                          and not duplicate""").params(operationId, tenant, importId, lineNo).update() == 1;
    }

    private static final String LINES = """
            select import_id, line_no, psp_reference, entry_type, gross_minor, commission_minor, currency, booked_at,
                   duplicate, operation_id from recon_line""";

    private static Line line(ResultSet rs) throws SQLException {
        return new Line(
                rs.getObject("import_id", UUID.class),
                rs.getInt("line_no"),
                rs.getString("psp_reference"),
                EntryType.valueOf(rs.getString("entry_type")),
                rs.getLong("gross_minor"),
                rs.getLong("commission_minor"),
                rs.getString("currency"),
                rs.getTimestamp("booked_at").toInstant(),
                rs.getBoolean("duplicate"),
                rs.getObject("operation_id", UUID.class));
    }

    private static List<List<String>> chunks(Collection<String> values) {
        List<String> all = List.copyOf(values);
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return chunks;
    }
}

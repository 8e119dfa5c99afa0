package id.lapak.billing.settlement;

import id.lapak.billing.settlement.SettlementViews.BatchRow;
import id.lapak.billing.settlement.SettlementViews.LineRow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The queries of a tenant's whole batches and of a batch's lines, for the pages and for the statement e-mail. */
@Component
class SettlementReads {

    private final JdbcClient jdbc;

    SettlementReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The tenant's batches, newest day first; only {@code batchId} when it is given. */
    List<BatchRow> batches(UUID tenant, UUID batchId, int limit) {
        return jdbc.sql("""
                        select b.id, b.business_day, b.currency, b.line_count, b.late_count, b.gross_minor,
                               b.refunds_minor, b.fees_minor, b.ppn_minor, b.carried_in_minor,
                               b.adjustments_minor, b.net_minor, p.status, p.expected_on
                        from settlement_batch b
                        left join payout p on p.tenant_id = b.tenant_id and p.batch_id = b.id
                        where b.tenant_id = ? and (?::uuid is null or b.id = ?::uuid)
                        order by b.business_day desc, b.currency limit ?""")
                .params(tenant, text(batchId), text(batchId), limit)
                .query((rs, n) -> new BatchRow(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, LocalDate.class),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getInt(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getLong(8),
                        rs.getLong(9),
                        rs.getLong(10),
                        rs.getLong(11),
                        rs.getLong(12),
                        rs.getString(13),
                        rs.getObject(14, LocalDate.class)))
                .list();
    }

    /** A batch's lines of {@code stores} (null: every store), in the order they were recorded. */
    List<LineRow> lines(UUID tenant, UUID batchId, Set<UUID> stores) {
        return jdbc.sql("""
                        select l.operation_id, l.sale_id, s.name, s.time_zone, l.kind, l.brand, l.recorded_at, l.sold_at,
                               l.gross_minor, l.fee_minor, l.ppn_minor, l.late
                        from settlement_line l join store s on s.tenant_id = l.tenant_id and s.id = l.store_id
                        where l.tenant_id = ? and l.batch_id = ? and (? or l.store_id = any(?::uuid[]))
                        order by l.recorded_at, l.operation_id""")
                .params(
                        tenant,
                        batchId,
                        stores == null,
                        stores == null
                                ? new String[0]
                                : stores.stream().map(UUID::toString).toArray(String[]::new))
                .query((rs, n) -> new LineRow(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        ZoneId.of(rs.getString(4)),
                        rs.getString(5),
                        rs.getString(6),
                        instant(rs.getObject(7, OffsetDateTime.class)),
                        instant(rs.getObject(8, OffsetDateTime.class)),
                        rs.getLong(9),
                        rs.getLong(10),
                        rs.getLong(11),
                        rs.getBoolean(12)))
                .list();
    }

    String tenantName(UUID tenant) {
        return jdbc.sql("select name from tenant where id = ?")
                .param(tenant)
                .query(String.class)
                .single();
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}

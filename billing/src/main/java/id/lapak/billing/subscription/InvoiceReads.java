package id.lapak.billing.subscription;

import id.lapak.tenant.money.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads invoices and their lines in the caller's transaction (the tenant's, or the platform path for support). */
@Component
class InvoiceReads {

    private static final String SELECT = """
            select i.tenant_id, t.name, i.id, i.number, i.kind, i.period, i.subtotal_minor, i.ppn_bp, i.ppn_minor,
                   i.total_minor, i.currency, i.issued_at, i.due_on, i.status, i.paid_reference, i.note, t.time_zone
            from saas_invoice i join tenant t on t.id = i.tenant_id""";

    private final JdbcClient jdbc;

    InvoiceReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Invoices, newest period first; {@code tenant} null for every tenant, {@code onlyOverdue} for dunning. */
    List<InvoiceRow> list(UUID tenant, boolean onlyOverdue, Instant now, int limit, long offset) {
        String where = " where (cast(:tenant as uuid) is null or i.tenant_id = :tenant)"
                + (onlyOverdue ? " and i.status = 'OPEN' and i.due_on < (:now at time zone t.time_zone)::date" : "");
        return jdbc.sql(SELECT + where
                        + " order by i.period desc, i.issued_at desc, i.number limit :limit offset :offset")
                .param("tenant", tenant, Types.OTHER)
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, n) -> row(rs, now))
                .list();
    }

    Optional<InvoiceRow> one(UUID tenant, UUID invoice, Instant now) {
        return jdbc.sql(SELECT + " where i.tenant_id = ? and i.id = ?")
                .params(tenant, invoice)
                .query((rs, n) -> row(rs, now))
                .optional();
    }

    List<InvoiceLine> lines(UUID tenant, UUID invoice) {
        return jdbc.sql("""
                        select kind, line_key, quantity, unit_minor, amount_minor from saas_invoice_line
                        where tenant_id = ? and invoice_id = ? order by line_no""")
                .params(tenant, invoice)
                .query((rs, n) -> new InvoiceLine(
                        InvoiceLine.LineKind.valueOf(rs.getString(1)),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5)))
                .list();
    }

    private static InvoiceRow row(ResultSet rs, Instant now) throws SQLException {
        String currency = rs.getString("currency");
        LocalDate due = rs.getObject("due_on", LocalDate.class);
        InvoiceRow.InvoiceStatus status = InvoiceRow.InvoiceStatus.valueOf(rs.getString("status"));
        ZoneId zone = ZoneId.of(rs.getString("time_zone"));
        return new InvoiceRow(
                rs.getObject("tenant_id", UUID.class),
                rs.getString("name"),
                rs.getObject("id", UUID.class),
                rs.getString("number"),
                InvoiceRow.DocumentKind.valueOf(rs.getString("kind")),
                YearMonth.from(rs.getObject("period", LocalDate.class)),
                Money.of(rs.getLong("subtotal_minor"), currency),
                rs.getLong("ppn_bp"),
                Money.of(rs.getLong("ppn_minor"), currency),
                Money.of(rs.getLong("total_minor"), currency),
                rs.getObject("issued_at", OffsetDateTime.class).toInstant(),
                due,
                status,
                rs.getString("paid_reference"),
                status == InvoiceRow.InvoiceStatus.OPEN
                        && LocalDate.ofInstant(now, zone).isAfter(due),
                rs.getString("note"));
    }
}

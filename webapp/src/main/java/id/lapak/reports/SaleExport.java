package id.lapak.reports;

import id.lapak.billing.sale.Cashiers;
import id.lapak.tenant.context.TenantContext;
import id.lapak.tenant.csv.CsvWriter;
import id.lapak.tenant.money.Money;
import id.lapak.tenant.store.StoreScope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every sale of a filter as CSV, streamed: rows are read from a database cursor a thousand at a time and written as
 * they come, so an export of millions of sales holds a few rows in memory and starts downloading at once (the
 * browser's download request does the work, the page stays usable). A merchant admin exports every store, a store
 * manager their stores; an erased customer is exported without a name. The cashier and the discounts are the
 * device's (empty and 0 for sales that reported none).
 */
@Service
@PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'STORE_MANAGER')")
public class SaleExport {

    private static final int FETCH = 1_000;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** Every sale of the period in the stores' own days; {@code %s} takes the filter's conditions. */
    private static final String SALES = """
            select s.sold_at, st.time_zone, st.name, d.name, s.status, s.card_brand, s.entry_mode, s.offline,
                   s.currency, s.amount_minor, s.tip_minor, s.tax_minor, s.captured_minor, s.refunded_minor,
                   s.pan_last4, s.response_code, c.name, c.status, s.id, s.cashier_code, s.cashier_name,
                   s.discount_minor
            from store st
            join sale s on s.tenant_id = st.tenant_id and s.store_id = st.id
            join device d on d.tenant_id = s.tenant_id and d.id = s.device_id
            left join customer c on c.tenant_id = s.tenant_id and c.id = s.customer_id
            where st.tenant_id = ?%s
              and s.sold_at >= (cast(? as date)::timestamp at time zone st.time_zone)
              and s.sold_at < ((cast(? as date) + 1)::timestamp at time zone st.time_zone)
            order by s.sold_at, s.id""";

    /** The columns' labels, in the order of {@link #row}. */
    private static final List<String> HEADER = List.of(
            "export.sales.soldAt",
            "report.column.store",
            "report.column.device",
            "report.column.cashier",
            "export.sales.status",
            "report.filter.brand",
            "export.sales.entryMode",
            "export.sales.offline",
            "export.sales.currency",
            "export.sales.amount",
            "report.column.discounts",
            "report.column.tips",
            "report.column.ppn",
            "export.sales.captured",
            "report.column.refunds",
            "export.sales.last4",
            "export.sales.responseCode",
            "report.column.customer",
            "export.sales.id");

    private final JdbcTemplate cursor;
    private final ReportService reports;

    SaleExport(DataSource dataSource, ReportService reports) {
        this.cursor = new JdbcTemplate(dataSource);
        this.cursor.setFetchSize(FETCH);
        this.reports = reports;
    }

    /** Writes the sales of {@code filter}, oldest first; returns how many. {@code labels} translates headings. */
    @Transactional(readOnly = true)
    public long write(ReportFilter filter, Writer out, Function<String, String> labels) {
        StoreScope scope = reports.scopeOf(filter);
        if (scope.isEmpty()) {
            return 0;
        }
        List<Object> params = new ArrayList<>();
        params.add(TenantContext.requireTenant());
        StringBuilder where = new StringBuilder();
        if (!scope.isAll()) {
            where.append(" and st.id = any(cast(? as uuid[]))");
            params.add(ReportQueries.arrayLiteral(scope.sqlArray()));
        }
        if (filter.storeId() != null) {
            where.append(" and st.id = ?");
            params.add(filter.storeId());
        }
        if (filter.deviceId() != null) {
            where.append(" and s.device_id = ?");
            params.add(filter.deviceId());
        }
        if (filter.brand() != null) {
            where.append(" and s.card_brand = ?");
            params.add(filter.brand());
        }
        if (filter.cashier() != null) {
            where.append(" and s.cashier_code = ?");
            params.add(filter.cashier());
        }
        params.add(filter.from().toString());
        params.add(filter.to().toString());
        String sql = SALES.formatted(where);
        // The day bounds use each store's zone: the two dates go last, in this order.
        Object[] args = params.toArray();
        long[] count = {0};
        try {
            CsvWriter.writeRow(out, HEADER.stream().map(labels).toList());
            cursor.query(
                    sql,
                    rs -> {
                        CsvWriter.writeRow(out, row(rs, labels));
                        count[0]++;
                    },
                    args);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count[0];
    }

    /** One sale as the export's columns, in the store's zone and the reader's language. */
    private static List<Object> row(ResultSet rs, Function<String, String> labels) throws SQLException {
        String currency = rs.getString(9).strip();
        String customer = "ERASED".equals(rs.getString(18)) ? labels.apply("report.customer.erased") : rs.getString(17);
        return List.of(
                rs.getTimestamp(1)
                        .toInstant()
                        .atZone(ZoneId.of(rs.getString(2)))
                        .format(LOCAL),
                rs.getString(3),
                rs.getString(4),
                Objects.requireNonNullElse(Cashiers.label(rs.getString(20), rs.getString(21)), ""),
                labels.apply("sales.status." + rs.getString(5)),
                rs.getString(6) == null ? "" : labels.apply("settlement.brand." + rs.getString(6)),
                labels.apply("report.mode." + rs.getString(7)),
                labels.apply(rs.getBoolean(8) ? "export.sales.yes" : "export.sales.no"),
                currency,
                amount(rs.getLong(10), currency),
                amount(rs.getLong(22), currency),
                amount(rs.getLong(11), currency),
                amount(rs.getLong(12), currency),
                amount(rs.getLong(13), currency),
                amount(rs.getLong(14), currency),
                rs.getString(15) == null ? "" : rs.getString(15),
                rs.getString(16) == null ? "" : rs.getString(16),
                customer == null ? "" : customer,
                rs.getObject(19, UUID.class).toString());
    }

    private static CsvWriter.Numeric amount(long minor, String currency) {
        return CsvWriter.number(Money.of(minor, currency).toPlainString());
    }
}

package id.lapak.reports;

import id.lapak.tenant.context.TenantContext;
import id.lapak.tenant.store.StoreScope;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reports that list events rather than add figures up: refunds and voids with their reason and who did them, and
 * payments taken offline with how late they arrived and how they ended. Same people, stores and filters as
 * {@link ReportService}; each lists at most {@link #LIMIT} rows, newest first.
 */
@Service
@PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'STORE_MANAGER')")
@Transactional(readOnly = true)
public class ActivityReports {

    /** The most rows a list report shows or exports; the page says when a period has more. */
    public static final int LIMIT = 5_000;

    /** A refund or a void of a sale: when it was done (in its store's zone), what, how much, why and by whom. */
    public record MoneyBack(
            Instant at,
            ZoneId zone,
            String storeName,
            String deviceName,
            String kind,
            long amountMinor,
            String currency,
            String reason,
            String actor,
            UUID saleId) {}

    /** A payment taken offline: sold at the device's time, received when the device uploaded it, and its outcome. */
    public record OfflinePayment(
            Instant soldAt,
            Instant receivedAt,
            ZoneId zone,
            String storeName,
            String deviceName,
            String status,
            String declineReason,
            long amountMinor,
            String currency,
            UUID saleId) {}

    private static final String MONEY_BACK = """
            select o.completed_at, st.time_zone, st.name, d.name, o.kind, o.amount_minor, s.currency, o.reason,
                   o.actor, s.id
            from store st
            join sale s on s.tenant_id = st.tenant_id and s.store_id = st.id
            join payment_operation o on o.tenant_id = s.tenant_id and o.sale_id = s.id
            join device d on d.tenant_id = s.tenant_id and d.id = s.device_id
            where st.tenant_id = :tenant%s
              and o.kind in ('REFUND', 'VOID') and o.status = 'SUCCEEDED'
              and o.completed_at >= (cast(:from as date)::timestamp at time zone st.time_zone)
              and o.completed_at < ((cast(:to as date) + 1)::timestamp at time zone st.time_zone)
            order by o.completed_at desc, o.id limit :limit""";

    private static final String OFFLINE = """
            select s.sold_at, s.received_at, st.time_zone, st.name, d.name, s.status, s.decline_reason,
                   s.amount_minor, s.currency, s.id
            from store st
            join sale s on s.tenant_id = st.tenant_id and s.store_id = st.id
            join device d on d.tenant_id = s.tenant_id and d.id = s.device_id
            where st.tenant_id = :tenant%s and s.offline
              and s.sold_at >= (cast(:from as date)::timestamp at time zone st.time_zone)
              and s.sold_at < ((cast(:to as date) + 1)::timestamp at time zone st.time_zone)
            order by s.sold_at desc, s.id limit :limit""";

    private final ReportService reports;
    private final JdbcClient jdbc;

    ActivityReports(ReportService reports, JdbcClient jdbc) {
        this.reports = reports;
        this.jdbc = jdbc;
    }

    /** Refunds and voids completed within the period's days, newest first. */
    public List<MoneyBack> refundsAndVoids(ReportFilter filter) {
        StoreScope scope = reports.scopeOf(filter);
        if (scope.isEmpty()) {
            return List.of();
        }
        return bind(MONEY_BACK, scope, filter)
                .query((rs, n) -> new MoneyBack(
                        rs.getTimestamp(1).toInstant(),
                        ZoneId.of(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getLong(6),
                        rs.getString(7).strip(),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getObject(10, UUID.class)))
                .list();
    }

    /** Payments taken offline and sold within the period's days, newest first. */
    public List<OfflinePayment> offlinePayments(ReportFilter filter) {
        StoreScope scope = reports.scopeOf(filter);
        if (scope.isEmpty()) {
            return List.of();
        }
        return bind(OFFLINE, scope, filter)
                .query((rs, n) -> new OfflinePayment(
                        rs.getTimestamp(1).toInstant(),
                        rs.getTimestamp(2).toInstant(),
                        ZoneId.of(rs.getString(3)),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getLong(8),
                        rs.getString(9).strip(),
                        rs.getObject(10, UUID.class)))
                .list();
    }

    /** The statement with the filter's conditions (stores the person may see, store, device, brand, cashier) bound. */
    private JdbcClient.StatementSpec bind(String sql, StoreScope scope, ReportFilter filter) {
        String conditions = (scope.isAll() ? "" : " and st.id = any(cast(:scope as uuid[]))")
                + (filter.storeId() == null ? "" : " and st.id = cast(:store as uuid)")
                + ReportQueries.saleConditions(filter);
        return ReportQueries.bind(jdbc.sql(sql.formatted(conditions)), TenantContext.requireTenant(), scope, filter)
                .param("limit", LIMIT);
    }
}

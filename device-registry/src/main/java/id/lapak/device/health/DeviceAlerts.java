package id.lapak.device.health;

import id.lapak.device.DeviceTimeline;
import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.audit.AuditEvent;
import id.lapak.tenant.audit.AuditLog;
import id.lapak.tenant.context.TenantContext;
import id.lapak.tenant.store.StoreScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The open device alerts as the portal shows them, newest first. Merchant admins see every alert; store managers
 * see and acknowledge the alerts of their own stores' devices. Acknowledging says someone is on it; the alert stays
 * open until the health check finds the condition gone.
 */
@Service
public class DeviceAlerts {

    private static final String SELECT = """
            select a.id, a.device_id, d.name, d.store_id, a.kind, a.detail, a.raised_at, a.acknowledged_at,
                   a.acknowledged_by
            from device_alert a join device d on d.tenant_id = a.tenant_id and d.id = a.device_id
            where a.tenant_id = :tenant and a.cleared_at is null""";

    private final JdbcClient jdbc;
    private final DeviceTimeline timeline;
    private final Clock clock;
    private final AuditLog auditLog;

    DeviceAlerts(JdbcClient jdbc, DeviceTimeline timeline, Clock clock, AuditLog auditLog) {
        this.auditLog = auditLog;
        this.jdbc = jdbc;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'STORE_MANAGER')")
    public Page<DeviceAlert> openAlerts(Pageable pageable) {
        Pageable page = pageable == null
                ? PageRequest.of(0, 50)
                : PageRequest.of(pageable.getPageNumber(), Math.min(Math.max(pageable.getPageSize(), 1), 500));
        Visibility visible = visibility();
        if (visible.nothing()) {
            return Page.empty(page);
        }
        List<DeviceAlert> alerts = visible.bind(jdbc.sql(
                        SELECT + visible.clause() + " order by a.raised_at desc, a.id limit :limit offset :offset"))
                .param("limit", page.getPageSize())
                .param("offset", page.getOffset())
                .query(DeviceAlerts::alert)
                .list();
        long total =
                visible.bind(jdbc.sql("""
                        select count(*) from device_alert a
                        join device d on d.tenant_id = a.tenant_id and d.id = a.device_id
                        where a.tenant_id = :tenant and a.cleared_at is null""" + visible.clause())).query(Long.class).single();
        return new PageImpl<>(alerts, page, total);
    }

    /** Open alerts nobody has acknowledged yet: the number on the navigation badge. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'STORE_MANAGER')")
    public long countOpen() {
        Visibility visible = visibility();
        if (visible.nothing()) {
            return 0;
        }
        return visible.bind(jdbc.sql("""
                        select count(*) from device_alert a
                        join device d on d.tenant_id = a.tenant_id and d.id = a.device_id
                        where a.tenant_id = :tenant and a.cleared_at is null and a.acknowledged_at is null""" + visible.clause())).query(Long.class).single();
    }

    /** Marks an open alert as seen by the signed-in person; acknowledging twice keeps the first. */
    @Transactional
    @PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'STORE_MANAGER')")
    public DeviceAlert acknowledge(UUID alertId) {
        Visibility visible = visibility();
        DeviceAlert alert = find(visible, alertId).orElseThrow(() -> new AlertNotFoundException(alertId));
        if (alert.acknowledged()) {
            return alert;
        }
        String by = CurrentUser.require().username();
        jdbc.sql("""
                        update device_alert set acknowledged_at = ?, acknowledged_by = ?
                        where tenant_id = ? and id = ? and acknowledged_at is null""")
                .params(Timestamp.from(Instant.now(clock)), by, visible.tenant(), alertId)
                .update();
        timeline.record(alert.deviceId(), "ALERT_ACKNOWLEDGED", alert.kind().name(), by);
        auditLog.record(AuditEvent.of("device.alert_acknowledged", "DeviceAlert", alertId)
                .change("acknowledged", false, true)
                .detail("device", alert.deviceId())
                .detail("kind", alert.kind()));
        return find(visible, alertId).orElseThrow(() -> new AlertNotFoundException(alertId));
    }

    private Optional<DeviceAlert> find(Visibility visible, UUID alertId) {
        if (alertId == null || visible.nothing()) {
            return Optional.empty();
        }
        return visible.bind(jdbc.sql(SELECT + " and a.id = :id" + visible.clause()))
                .param("id", alertId)
                .query(DeviceAlerts::alert)
                .optional();
    }

    /** Native SQL is not filtered by Hibernate: the tenant and, for store managers, the stores are bound by hand. */
    private record Visibility(UUID tenant, Set<UUID> stores) {

        boolean nothing() {
            return stores != null && stores.isEmpty();
        }

        String clause() {
            return stores == null ? "" : " and d.store_id in (:stores)";
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
            statement = statement.param("tenant", tenant);
            return stores == null ? statement : statement.param("stores", stores);
        }
    }

    private static Visibility visibility() {
        UUID tenant = TenantContext.requireTenant();
        return new Visibility(tenant, StoreScope.current().filterOrNull());
    }

    private static DeviceAlert alert(ResultSet rs, int row) throws SQLException {
        Timestamp acknowledged = rs.getTimestamp(8);
        return new DeviceAlert(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getString(3),
                rs.getObject(4, UUID.class),
                AlertKind.valueOf(rs.getString(5)),
                rs.getString(6),
                rs.getTimestamp(7).toInstant(),
                acknowledged == null ? null : acknowledged.toInstant(),
                rs.getString(9));
    }
}

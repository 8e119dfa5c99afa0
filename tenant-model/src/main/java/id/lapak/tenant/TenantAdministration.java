package id.lapak.tenant;

import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.audit.AuditEvent;
import id.lapak.tenant.audit.AuditLog;
import id.lapak.tenant.context.PlatformAccess;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The support console's work on tenants: the paged list, suspension and reactivation with a reason, and
 * offboarding (export, then deletion after the tenant's name is typed). Support only; every action goes through
 * {@link PlatformAccess} and is audited in the same transaction.
 */
@Service
public class TenantAdministration {

    public static final int REASON_MAX = 500;
    private static final Map<String, String> SORTABLE =
            Map.of("name", "lower(t.name)", "createdAt", "t.created_at", "status", "t.status", "plan", "plan");

    private final JdbcClient jdbc;
    private final PlatformAccess platform;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TenantExport export;
    private final Clock clock;

    TenantAdministration(
            JdbcClient jdbc,
            PlatformAccess platform,
            AuditLog audit,
            ApplicationEventPublisher events,
            TenantExport export,
            Clock clock) {
        this.jdbc = jdbc;
        this.platform = platform;
        this.audit = audit;
        this.events = events;
        this.export = export;
        this.clock = clock;
    }

    @PreAuthorize("hasRole('SUPPORT')")
    public List<TenantOverview> search(TenantFilter filter, Pageable pageable) {
        int size = Math.min(Math.max(pageable.getPageSize(), 1), 500);
        long offset = (long) pageable.getPageNumber() * size;
        return platform.call(
                "support tenant list",
                () -> bind(
                                jdbc.sql(SELECT + where(filter) + orderBy(pageable.getSort())
                                        + " limit :limit offset :offset"),
                                filter)
                        .param("limit", size)
                        .param("offset", offset)
                        .query((rs, n) -> overview(rs))
                        .list());
    }

    @PreAuthorize("hasRole('SUPPORT')")
    public long count(TenantFilter filter) {
        return platform.call(
                "support tenant list",
                () -> bind(jdbc.sql("select count(*) from tenant t" + where(filter)), filter)
                        .query(Long.class)
                        .single());
    }

    @PreAuthorize("hasRole('SUPPORT')")
    public TenantOverview get(UUID tenantId) {
        return platform.call("support opens tenant " + tenantId, () -> load(tenantId));
    }

    /** Suspends an active tenant: its people are refused at login and its devices on their next request. */
    @PreAuthorize("hasRole('SUPPORT')")
    public TenantOverview suspend(UUID tenantId, String reason) {
        String why = reason(reason);
        String by = CurrentUser.require().username();
        return platform.call("support suspends tenant " + tenantId, () -> {
            TenantOverview before = load(tenantId);
            int changed = jdbc.sql("""
                            update tenant set status = 'SUSPENDED', suspended_reason = ?, suspended_at = ?,
                                suspended_by = ?, version = version + 1
                            where id = ? and status = 'ACTIVE'""")
                    .params(why, Timestamp.from(clock.instant()), by, tenantId)
                    .update();
            if (changed != 1) {
                throw new TenantLifecycleException("support.tenants.error.notActive");
            }
            audit.recordFor(
                    tenantId,
                    AuditEvent.of("tenant.suspended", "Tenant", tenantId)
                            .change("status", before.status(), TenantStatus.SUSPENDED.name())
                            .detail("reason", why));
            events.publishEvent(new TenantStatusChanged(tenantId, TenantStatus.SUSPENDED.name()));
            return load(tenantId);
        });
    }

    @PreAuthorize("hasRole('SUPPORT')")
    public TenantOverview reactivate(UUID tenantId, String reason) {
        String why = reason(reason);
        return platform.call("support reactivates tenant " + tenantId, () -> {
            int changed = jdbc.sql("""
                            update tenant set status = 'ACTIVE', suspended_reason = null, suspended_at = null,
                                suspended_by = null, version = version + 1
                            where id = ? and status = 'SUSPENDED'""").param(tenantId).update();
            if (changed != 1) {
                throw new TenantLifecycleException("support.tenants.error.notSuspended");
            }
            audit.recordFor(
                    tenantId,
                    AuditEvent.of("tenant.reactivated", "Tenant", tenantId)
                            .change("status", TenantStatus.SUSPENDED.name(), TenantStatus.ACTIVE.name())
                            .detail("reason", why));
            events.publishEvent(new TenantStatusChanged(tenantId, TenantStatus.ACTIVE.name()));
            return load(tenantId);
        });
    }

    /**
     * Suspends an active tenant for a reason no person gave (e.g. unpaid invoices), with the same effects and audit
     * as support's suspension; {@code by} names the work that decided it. False when the tenant was not active.
     */
    public boolean suspendAutomatically(UUID tenantId, String reason, String by) {
        String why = reason(reason);
        return platform.call(by + " suspends tenant " + tenantId, () -> {
            int changed = jdbc.sql("""
                            update tenant set status = 'SUSPENDED', suspended_reason = ?, suspended_at = ?,
                                suspended_by = ?, version = version + 1
                            where id = ? and status = 'ACTIVE'""")
                    .params(why, Timestamp.from(clock.instant()), by, tenantId)
                    .update();
            if (changed != 1) {
                return false;
            }
            audit.recordFor(
                    tenantId,
                    AuditEvent.of("tenant.suspended", "Tenant", tenantId)
                            .change("status", TenantStatus.ACTIVE.name(), TenantStatus.SUSPENDED.name())
                            .detail("reason", why));
            events.publishEvent(new TenantStatusChanged(tenantId, TenantStatus.SUSPENDED.name()));
            return true;
        });
    }

    /**
     * Reactivates a tenant that {@code by} suspended (support's suspensions stay as they are). False when the tenant
     * is not suspended, or was suspended by someone else.
     */
    public boolean reactivateAutomatically(UUID tenantId, String reason, String by) {
        String why = reason(reason);
        return platform.call(by + " reactivates tenant " + tenantId, () -> {
            int changed = jdbc.sql("""
                            update tenant set status = 'ACTIVE', suspended_reason = null, suspended_at = null,
                                suspended_by = null, version = version + 1
                            where id = ? and status = 'SUSPENDED' and suspended_by = ?""").params(tenantId, by).update();
            if (changed != 1) {
                return false;
            }
            audit.recordFor(
                    tenantId,
                    AuditEvent.of("tenant.reactivated", "Tenant", tenantId)
                            .change("status", TenantStatus.SUSPENDED.name(), TenantStatus.ACTIVE.name())
                            .detail("reason", why));
            events.publishEvent(new TenantStatusChanged(tenantId, TenantStatus.ACTIVE.name()));
            return true;
        });
    }

    /**
     * Writes the tenant's data as a zip (a CSV per tenant table and a JSON manifest; secrets left out, see
     * {@link TenantExport}) and records the export in the tenant's audit chain.
     */
    @PreAuthorize("hasRole('SUPPORT')")
    public void export(UUID tenantId, OutputStream out) {
        platform.run("support exports tenant " + tenantId, () -> {
            TenantOverview tenant = load(tenantId);
            TenantExport.Summary summary = export.write(tenant, out);
            audit.recordFor(
                    tenantId,
                    AuditEvent.of("tenant.exported", "Tenant", tenantId)
                            .detail("tables", summary.tables())
                            .detail("rows", summary.rows()));
        });
    }

    /**
     * Deletes the tenant and every row of its data, children before parents, in one transaction, after the tenant's
     * data was exported and its name typed exactly. The audit entries stay; the deletion is recorded in the platform
     * chain, and {@link TenantOffboarded} lets other parts (identity) clean up.
     */
    @PreAuthorize("hasRole('SUPPORT')")
    public Map<String, Long> delete(UUID tenantId, String typedName) {
        return platform.call("support deletes tenant " + tenantId, () -> {
            TenantOverview tenant = load(tenantId);
            if (typedName == null || !typedName.strip().equals(tenant.name())) {
                throw new TenantLifecycleException("support.tenants.error.confirmName");
            }
            boolean exported =
                    jdbc.sql("""
                            select exists (select 1 from audit_entry where tenant_id = ? and action = 'tenant.exported')""").param(tenantId).query(Boolean.class).single();
            if (!exported) {
                throw new TenantLifecycleException("support.tenants.error.notExported");
            }
            Map<String, Long> deleted = new LinkedHashMap<>();
            jdbc.sql("select table_name, deleted_rows from app_offboard_tenant(?)")
                    .param(tenantId)
                    .query((ResultSet rs) -> {
                        deleted.put(rs.getString(1), rs.getLong(2));
                    });
            AuditEvent event =
                    AuditEvent.of("tenant.deleted", "Tenant", tenantId).detail("name", tenant.name());
            for (var entry : deleted.entrySet()) {
                event = event.detail("rows." + entry.getKey(), entry.getValue());
            }
            audit.recordFor(null, event);
            events.publishEvent(new TenantOffboarded(tenantId, tenant.name()));
            return deleted;
        });
    }

    private static final String SELECT = """
            select t.id, t.name, t.legal_name, t.country, t.status, to_jsonb(t) ->> 'plan' as plan, t.created_at,
                   t.suspended_reason, t.suspended_at, t.suspended_by,
                   (select count(*) from store s where s.tenant_id = t.id) as stores,
                   (select count(*) from store s where s.tenant_id = t.id and s.active) as active_stores
            from tenant t""";

    private TenantOverview load(UUID tenantId) {
        return jdbc.sql(SELECT + " where t.id = ?")
                .param(tenantId)
                .query((rs, n) -> overview(rs))
                .optional()
                .orElseThrow(() -> new TenantLifecycleException("support.tenants.error.notFound"));
    }

    private static String where(TenantFilter filter) {
        StringBuilder where = new StringBuilder(" where true");
        if (present(filter.text())) {
            where.append(" and (lower(t.name) like :text or lower(t.legal_name) like :text)");
        }
        if (present(filter.status())) {
            where.append(" and t.status = :status");
        }
        if (present(filter.plan())) {
            where.append(" and lower(to_jsonb(t) ->> 'plan') = :plan");
        }
        return where.toString();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, TenantFilter filter) {
        if (present(filter.text())) {
            String text = filter.text()
                    .strip()
                    .toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\")
                    .replace("%", "\\%")
                    .replace("_", "\\_");
            spec = spec.param("text", "%" + text + "%");
        }
        if (present(filter.status())) {
            spec = spec.param("status", filter.status().strip());
        }
        if (present(filter.plan())) {
            spec = spec.param("plan", filter.plan().strip().toLowerCase(Locale.ROOT));
        }
        return spec;
    }

    private static String orderBy(Sort sort) {
        StringBuilder order = new StringBuilder();
        for (Sort.Order o : sort) {
            String column = SORTABLE.get(o.getProperty());
            if (column != null) {
                order.append(order.isEmpty() ? " order by " : ", ")
                        .append(column)
                        .append(o.isDescending() ? " desc" : " asc");
            }
        }
        return (order.isEmpty() ? " order by lower(t.name)" : order) + ", t.id";
    }

    private static TenantOverview overview(ResultSet rs) throws SQLException {
        Timestamp suspendedAt = rs.getTimestamp("suspended_at");
        return new TenantOverview(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("legal_name"),
                rs.getString("country"),
                rs.getString("status"),
                rs.getString("plan"),
                rs.getLong("stores"),
                rs.getLong("active_stores"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("suspended_reason"),
                suspendedAt == null ? null : suspendedAt.toInstant(),
                rs.getString("suspended_by"));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String reason(String reason) {
        String clean = reason == null ? "" : reason.strip();
        if (clean.isEmpty() || clean.length() > REASON_MAX) {
            throw new TenantLifecycleException("support.tenants.error.reason");
        }
        return clean;
    }
}

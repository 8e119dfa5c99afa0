package id.lapak.reports;

import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.access.LapakUser;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.audit.AuditEvent;
import id.lapak.tenant.audit.AuditLog;
import id.lapak.tenant.context.TenantContext;
import id.lapak.tenant.store.StoreNotFoundException;
import id.lapak.tenant.store.StoreScope;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's subscriptions to reports by e-mail: each merchant admin or store manager sees, adds, pauses and removes
 * their own, for every cashier or narrowed to one. The person's role and stores are kept with the subscription
 * ({@link ScheduledReportSender} checks them again before every sending).
 */
@Service
@PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'STORE_MANAGER')")
@Transactional(readOnly = true)
public class ReportSubscriptions {

    /** How many days back the cashiers a person may narrow a subscription to have sold. */
    static final int CASHIER_DAYS = 92;

    /**
     * What a person asks for. {@code storeId} null means every store they may see; {@code cashier} is the code of one
     * cashier of {@link #cashiers(UUID)} to narrow the report to, null for every cashier.
     */
    public record Request(
            ReportKind kind,
            UUID storeId,
            ReportFrequency frequency,
            ReportFormat format,
            LocalTime sendAt,
            String cashier) {

        public Request {
            cashier = cashier == null || cashier.isBlank() ? null : cashier.strip();
        }

        /** Every cashier. */
        public Request(
                ReportKind kind, UUID storeId, ReportFrequency frequency, ReportFormat format, LocalTime sendAt) {
            this(kind, storeId, frequency, format, sendAt, null);
        }
    }

    /** A cashier the person may not narrow a subscription to: none of their stores' cashiers (a field message). */
    public static class UnknownCashierException extends InvalidReportFilterException {

        UnknownCashierException() {
            super("report.subscriptions.cashierUnknown");
        }
    }

    /** A subscription as its owner sees it. */
    public record Subscription(
            UUID id,
            ReportKind kind,
            UUID storeId,
            ReportFrequency frequency,
            ReportFormat format,
            LocalTime sendAt,
            ZoneId zone,
            boolean enabled,
            String cashier) {}

    /** Stores a new subscription, active from its creation. */
    private static final String INSERT = """
            insert into report_subscription (tenant_id, id, subject, username, role, store_ids, kind, store_id,
                                             frequency, format, send_at, time_zone, created_at,
                                             active_since, cashier_code)
            values (:tenant, :id, :subject, :username, :role, :stores, :kind, :store, :frequency, :format,
                    :sendAt, :zone, :createdAt, :createdAt, :cashier)""";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final CashierReports cashierReports;

    ReportSubscriptions(JdbcClient jdbc, AuditLog audit, Clock clock, CashierReports cashierReports) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.cashierReports = cashierReports;
    }

    /**
     * The cashiers a subscription may be narrowed to, code → label: those who sold in the last {@value #CASHIER_DAYS}
     * days in the store (null: every store the person may see), read as the Reports page's cashier filter reads
     * them, so a store manager gets only their stores' cashiers.
     */
    public Map<String, String> cashiers(UUID storeId) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(timeZone(null))));
        return cashierReports.cashiers(
                ReportFilter.days(today.minusDays(CASHIER_DAYS - 1L), today).withStore(storeId));
    }

    /** The signed-in person's subscriptions, oldest first. */
    public List<Subscription> mine() {
        return jdbc.sql("""
                        select id, kind, store_id, frequency, format, send_at, time_zone, enabled, cashier_code
                        from report_subscription where tenant_id = :tenant and subject = :subject
                        order by created_at, id""")
                .param("tenant", tenant())
                .param("subject", CurrentUser.require().subject())
                .query((rs, n) -> new Subscription(
                        rs.getObject(1, UUID.class),
                        ReportKind.valueOf(rs.getString(2)),
                        rs.getObject(3, UUID.class),
                        ReportFrequency.valueOf(rs.getString(4)),
                        ReportFormat.valueOf(rs.getString(5)),
                        rs.getObject(6, LocalTime.class),
                        ZoneId.of(rs.getString(7)),
                        rs.getBoolean(8),
                        rs.getString(9)))
                .list();
    }

    /**
     * Subscribes the signed-in person; a store must lie in their scope, a cashier among {@link #cashiers(UUID)}. Sent
     * in the store's (or tenant's) zone.
     */
    @Transactional
    public Subscription subscribe(Request request) {
        requireComplete(request);
        LapakUser user = CurrentUser.require();
        Role role = user.has(Role.MERCHANT_ADMIN) ? Role.MERCHANT_ADMIN : Role.STORE_MANAGER;
        StoreScope scope = StoreScope.of(user);
        if (request.storeId() != null) {
            scope.require(request.storeId());
        }
        if (role == Role.STORE_MANAGER && scope.isEmpty()) {
            throw new StoreNotFoundException(request.storeId());
        }
        if (request.cashier() != null && !cashiers(request.storeId()).containsKey(request.cashier())) {
            throw new UnknownCashierException();
        }
        String zone = timeZone(request.storeId());
        UUID id = UUID.randomUUID();
        UUID[] stores =
                role == Role.MERCHANT_ADMIN ? new UUID[0] : user.storeIds().toArray(UUID[]::new);
        jdbc.sql(INSERT)
                .param("tenant", tenant())
                .param("id", id)
                .param("subject", user.subject())
                .param("username", user.username())
                .param("role", role.name())
                .param("stores", stores)
                .param("kind", request.kind().name())
                .param("store", request.storeId())
                .param("frequency", request.frequency().name())
                .param("format", request.format().name())
                .param("sendAt", request.sendAt().withSecond(0).withNano(0))
                .param("zone", zone)
                .param("createdAt", Timestamp.from(clock.instant()))
                .param("cashier", request.cashier())
                .update();
        audit.record(AuditEvent.of("report.subscribed", "ReportSubscription", id)
                .detail("kind", request.kind().name())
                .detail("frequency", request.frequency().name())
                .detail("format", request.format().name())
                .detail(
                        "store",
                        request.storeId() == null ? "all" : request.storeId().toString())
                .detail("cashier", request.cashier() == null ? "all" : request.cashier())
                .detail("stores", Arrays.toString(stores)));
        return new Subscription(
                id,
                request.kind(),
                request.storeId(),
                request.frequency(),
                request.format(),
                request.sendAt().withSecond(0).withNano(0),
                ZoneId.of(zone),
                true,
                request.cashier());
    }

    /** Pauses or resumes one of the person's subscriptions (a paused one sends nothing and catches nothing up). */
    @Transactional
    public void setEnabled(UUID id, boolean enabled) {
        int changed = jdbc.sql("""
                        update report_subscription set enabled = :enabled,
                            active_since = case when :enabled and not enabled then :now else active_since end
                        where tenant_id = :tenant and id = :id and subject = :subject""")
                .param("enabled", enabled)
                .param("now", Timestamp.from(clock.instant()))
                .param("tenant", tenant())
                .param("id", id)
                .param("subject", CurrentUser.require().subject())
                .update();
        if (changed == 0) {
            throw new InvalidReportFilterException("report.subscription.unknown");
        }
        audit.record(AuditEvent.of(
                enabled ? "report.subscription.resumed" : "report.subscription.paused", "ReportSubscription", id));
    }

    /** Removes one of the person's subscriptions. */
    @Transactional
    public void remove(UUID id) {
        int removed = jdbc.sql("""
                        delete from report_subscription where tenant_id = :tenant and id = :id and subject = :subject""")
                .param("tenant", tenant())
                .param("id", id)
                .param("subject", CurrentUser.require().subject())
                .update();
        if (removed == 0) {
            throw new InvalidReportFilterException("report.subscription.unknown");
        }
        audit.record(AuditEvent.of("report.unsubscribed", "ReportSubscription", id));
    }

    private static void requireComplete(Request request) {
        if (request == null
                || request.kind() == null
                || request.frequency() == null
                || request.format() == null
                || request.sendAt() == null) {
            throw new InvalidReportFilterException("report.subscription.incomplete");
        }
    }

    /** The time zone of the store, or of the tenant when {@code storeId} is null. */
    private String timeZone(UUID storeId) {
        return storeId != null
                ? jdbc.sql("select time_zone from store where tenant_id = :tenant and id = :store")
                        .param("tenant", tenant())
                        .param("store", storeId)
                        .query(String.class)
                        .optional()
                        .orElseThrow(() -> new StoreNotFoundException(storeId))
                : jdbc.sql("select time_zone from tenant where id = :tenant")
                        .param("tenant", tenant())
                        .query(String.class)
                        .single();
    }

    private static UUID tenant() {
        return TenantContext.requireTenant();
    }
}

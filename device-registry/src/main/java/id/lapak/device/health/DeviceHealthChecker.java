package id.lapak.device.health;

import id.lapak.device.DeviceDetails;
import id.lapak.device.DeviceRegistry;
import id.lapak.device.DeviceStatus;
import id.lapak.device.DeviceTimeline;
import id.lapak.device.config.DeviceConfigService;
import id.lapak.tenant.audit.AuditActor;
import id.lapak.tenant.audit.AuditEvent;
import id.lapak.tenant.audit.AuditLog;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.tenant.context.TenantContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Raises and clears device alerts. Tenants are listed through the named platform path; each tenant is then checked
 * in its own tenant context and transaction, so row-level security limits the work to that tenant's rows.
 */
@Service
public class DeviceHealthChecker {

    /** What one run changed. */
    public record Outcome(int raised, int cleared) {

        static final Outcome NONE = new Outcome(0, 0);

        Outcome plus(Outcome other) {
            return new Outcome(raised + other.raised, cleared + other.cleared);
        }
    }

    static final String ACTOR = "health check";
    private static final Logger log = LoggerFactory.getLogger(DeviceHealthChecker.class);

    private final PlatformAccess platform;
    private final JdbcClient jdbc;
    private final DeviceRegistry registry;
    private final DeviceConfigService config;
    private final AlertSettingsTable settings;
    private final DeviceTimeline timeline;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final AuditLog audit;

    DeviceHealthChecker(
            PlatformAccess platform,
            JdbcClient jdbc,
            DeviceRegistry registry,
            DeviceConfigService config,
            AlertSettingsTable settings,
            DeviceTimeline timeline,
            PlatformTransactionManager transactionManager,
            Clock clock,
            AuditLog audit) {
        this.audit = audit;
        this.platform = platform;
        this.jdbc = jdbc;
        this.registry = registry;
        this.config = config;
        this.settings = settings;
        this.timeline = timeline;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Checks every active tenant; one tenant's failure is logged and does not stop the others. */
    public Outcome checkAll() {
        Instant now = Instant.now(clock);
        List<UUID> tenants = platform.call(
                "device health check: list tenants",
                () -> jdbc.sql("select id from tenant where status = 'ACTIVE' order by id")
                        .query(UUID.class)
                        .list());
        Outcome total = Outcome.NONE;
        for (UUID tenant : tenants) {
            try {
                total = total.plus(checkTenant(tenant, now));
            } catch (RuntimeException e) {
                log.error("Device health check failed for tenant {}", tenant, e);
            }
        }
        if (total.raised() > 0 || total.cleared() > 0) {
            log.info("Device health check: {} alerts raised, {} cleared", total.raised(), total.cleared());
        }
        return total;
    }

    /** Checks one tenant's fleet as of {@code now}, in that tenant's context and a transaction of its own. */
    public Outcome checkTenant(UUID tenantId, Instant now) {
        return AuditActor.system(ACTOR)
                .callAs(() -> TenantContext.callAs(tenantId, () -> transaction.execute(s -> check(tenantId, now))));
    }

    private Outcome check(UUID tenantId, Instant now) {
        ZoneId zone = jdbc.sql("select time_zone from tenant where id = ?")
                .param(tenantId)
                .query(String.class)
                .optional()
                .map(DeviceHealthChecker::zone)
                .orElse(null);
        if (zone == null) {
            return Outcome.NONE;
        }
        AlertSettings limits = settings.load(tenantId);
        List<DeviceDetails> fleet = registry.all();
        List<DeviceDetails> active =
                fleet.stream().filter(d -> d.status() == DeviceStatus.ACTIVE).toList();
        Map<UUID, JsonNode> minimumVersion = config.effectiveForAll(active, "app.minimumVersion");
        Map<UUID, JsonNode> requiredFrom = config.effectiveForAll(active, "app.requiredFrom");
        Map<UUID, Set<AlertKind>> open = openAlerts(tenantId);
        LocalDate today = LocalDate.ofInstant(now, zone);

        int raised = 0;
        int cleared = 0;
        for (DeviceDetails device : fleet) {
            Map<AlertKind, String> conditions = device.status() != DeviceStatus.ACTIVE
                    ? Map.of()
                    : conditions(
                            device, limits, now, today, minimumVersion.get(device.id()), requiredFrom.get(device.id()));
            Set<AlertKind> openKinds = open.getOrDefault(device.id(), Set.of());
            for (AlertKind kind : AlertKind.values()) {
                String detail = conditions.get(kind);
                if (detail != null && !openKinds.contains(kind) && raise(tenantId, device.id(), kind, detail, now)) {
                    raised++;
                } else if (detail == null && openKinds.contains(kind) && clear(tenantId, device.id(), kind, now)) {
                    cleared++;
                }
            }
        }
        return new Outcome(raised, cleared);
    }

    /** The alert conditions that hold for an active device now, each with a short detail. */
    static Map<AlertKind, String> conditions(
            DeviceDetails device,
            AlertSettings limits,
            Instant now,
            LocalDate today,
            JsonNode minimumVersion,
            JsonNode requiredFrom) {
        Map<AlertKind, String> holding = new EnumMap<>(AlertKind.class);
        Instant lastSign = device.lastSeenAt() != null ? device.lastSeenAt() : device.pairedAt();
        if (Duration.between(lastSign, now).compareTo(limits.offlineAfter()) > 0) {
            holding.put(AlertKind.OFFLINE, "last seen " + lastSign);
        }
        if (device.batteryPercent() != null
                && device.batteryPercent() < limits.batteryLowPercent()
                && !Boolean.TRUE.equals(device.charging())) {
            holding.put(AlertKind.BATTERY_LOW, "battery " + device.batteryPercent() + "%");
        }
        // A device that has not told its version is not flagged: there is nothing to compare.
        if (requiredFrom != null
                && requiredFrom.isString()
                && minimumVersion != null
                && minimumVersion.isString()
                && device.appVersion() != null
                && !today.isBefore(LocalDate.parse(requiredFrom.asString()))
                && AppVersions.compare(device.appVersion(), minimumVersion.asString()) < 0) {
            holding.put(
                    AlertKind.APP_OUTDATED,
                    "app " + device.appVersion() + ", required " + minimumVersion.asString() + " from "
                            + requiredFrom.asString());
        }
        return holding;
    }

    private Map<UUID, Set<AlertKind>> openAlerts(UUID tenantId) {
        Map<UUID, Set<AlertKind>> open = new HashMap<>();
        jdbc.sql("select device_id, kind from device_alert where tenant_id = ? and cleared_at is null")
                .param(tenantId)
                .query((rs, n) -> open.computeIfAbsent(
                                rs.getObject(1, UUID.class), d -> EnumSet.noneOf(AlertKind.class))
                        .add(AlertKind.valueOf(rs.getString(2))))
                .list();
        return open;
    }

    /** The partial unique index on open alerts settles a race with another run: the loser inserts nothing. */
    private boolean raise(UUID tenantId, UUID deviceId, AlertKind kind, String detail, Instant now) {
        UUID alertId = UUID.randomUUID();
        int inserted = jdbc.sql("""
                        insert into device_alert (tenant_id, id, device_id, kind, raised_at, detail)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id, device_id, kind) where cleared_at is null do nothing""")
                .params(tenantId, alertId, deviceId, kind.name(), Timestamp.from(now), detail)
                .update();
        if (inserted == 1) {
            timeline.record(deviceId, "ALERT_RAISED", kind.name(), ACTOR);
            audit.record(AuditEvent.of("device.alert_raised", "DeviceAlert", alertId)
                    .detail("device", deviceId)
                    .detail("kind", kind)
                    .detail("detail", detail));
        }
        return inserted == 1;
    }

    private boolean clear(UUID tenantId, UUID deviceId, AlertKind kind, Instant now) {
        int updated = jdbc.sql("""
                        update device_alert set cleared_at = ?
                        where tenant_id = ? and device_id = ? and kind = ? and cleared_at is null""")
                .params(Timestamp.from(now), tenantId, deviceId, kind.name())
                .update();
        if (updated > 0) {
            timeline.record(deviceId, "ALERT_CLEARED", kind.name(), ACTOR);
            audit.record(
                    AuditEvent.of("device.alert_cleared", "Device", deviceId).detail("kind", kind));
        }
        return updated > 0;
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}

package id.lapak.device;

import id.lapak.tenant.context.PlatformAccess;
import id.lapak.tenant.context.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the device API needs of the registry: register a paired device, find a device's credentials before its
 * tenant is known (the named platform path), and record what the device reports.
 */
@Service
public class DeviceRegistry {

    /** What authentication needs to know about a device, whatever its tenant. */
    public record Credentials(
            UUID deviceId, UUID tenantId, UUID storeId, DeviceStatus status, byte[] publicKey, boolean tenantActive) {}

    private final DeviceRepository devices;
    private final DeviceTimeline timeline;
    private final PlatformAccess platform;
    private final JdbcClient jdbc;
    private final Clock clock;

    DeviceRegistry(
            DeviceRepository devices, DeviceTimeline timeline, PlatformAccess platform, JdbcClient jdbc, Clock clock) {
        this.devices = devices;
        this.timeline = timeline;
        this.platform = platform;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Binds a new device to the current tenant and the given store. Called by pairing, inside its transaction. */
    @Transactional
    public DeviceDetails register(UUID storeId, String name, byte[] publicKey, DeviceFacts facts) {
        TenantContext.requireTenant();
        // Flushed now: the timeline row written next references it. The saved instance carries the tenant id.
        Device device = devices.saveAndFlush(
                new Device(UUID.randomUUID(), storeId, name, publicKey, facts, Instant.now(clock)));
        timeline.record(device.getId(), "PAIRED", facts.model() == null ? null : facts.model(), "device");
        return device.details();
    }

    /** Looks a device up by id alone, across tenants: the device has not proven its tenant yet. */
    public Optional<Credentials> credentials(UUID deviceId) {
        return platform.call(
                "device authentication",
                () -> jdbc.sql("""
                        select d.tenant_id, d.store_id, d.status, d.public_key, t.status
                        from device d join tenant t on t.id = d.tenant_id where d.id = ?""")
                        .param(deviceId)
                        .query((rs, n) -> new Credentials(
                                deviceId,
                                rs.getObject(1, UUID.class),
                                rs.getObject(2, UUID.class),
                                DeviceStatus.valueOf(rs.getString(3)),
                                rs.getBytes(4),
                                "ACTIVE".equals(rs.getString(5))))
                        .optional());
    }

    /** Stores the latest heartbeat on the device (tenant context of the authenticated device). */
    @Transactional
    public DeviceDetails recordHeartbeat(UUID deviceId, Heartbeat heartbeat) {
        Device device = devices.findById(deviceId).orElseThrow(() -> new DeviceNotFoundException(deviceId));
        device.record(heartbeat, Instant.now(clock));
        timeline.record(deviceId, "HEARTBEAT", summary(heartbeat), "device");
        return device.details();
    }

    @Transactional(readOnly = true)
    public DeviceDetails get(UUID deviceId) {
        return devices.findById(deviceId).map(Device::details).orElseThrow(() -> new DeviceNotFoundException(deviceId));
    }

    /** Every device of the current tenant, whatever its status (background checks of the tenant's fleet). */
    @Transactional(readOnly = true)
    public List<DeviceDetails> all() {
        TenantContext.requireTenant();
        return devices.findAll().stream().map(Device::details).toList();
    }

    /** How many devices (of any status but retired) each of the given tenants has, for the support console. */
    @PreAuthorize("hasRole('SUPPORT')")
    public Map<UUID, Long> countByTenant(Collection<UUID> tenantIds) {
        if (tenantIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Long> counts = new HashMap<>();
        platform.run(
                "support tenant list: device counts",
                () -> jdbc.sql("""
                        select tenant_id, count(*) from device where tenant_id in (:tenants) and status <> 'RETIRED'
                        group by tenant_id""")
                        .param("tenants", List.copyOf(tenantIds))
                        .query((rs, n) -> counts.put(rs.getObject(1, UUID.class), rs.getLong(2)))
                        .list());
        return counts;
    }

    private static String summary(Heartbeat h) {
        return "battery " + (h.batteryPercent() == null ? "?" : h.batteryPercent() + "%")
                + (Boolean.TRUE.equals(h.charging()) ? " charging" : "")
                + ", " + (h.connectivity() == null ? "unknown network" : h.connectivity())
                + ", app " + (h.appVersion() == null ? "?" : h.appVersion())
                + ", pending " + (h.pendingUploads() == null ? 0 : h.pendingUploads());
    }
}

package id.lapak.device.health;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads and writes a tenant's row of {@code device_alert_settings}; callers hold the transaction and the tenant. */
@Component
class AlertSettingsTable {

    private final JdbcClient jdbc;

    AlertSettingsTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    AlertSettings load(UUID tenantId) {
        return jdbc.sql("""
                        select offline_after_minutes, battery_low_percent, updated_at, updated_by
                        from device_alert_settings where tenant_id = ?""")
                .param(tenantId)
                .query((rs, n) -> new AlertSettings(
                        rs.getInt(1), rs.getInt(2), rs.getTimestamp(3).toInstant(), rs.getString(4)))
                .optional()
                .orElse(AlertSettings.DEFAULTS);
    }

    void save(UUID tenantId, int offlineAfterMinutes, int batteryLowPercent, Instant now, String by) {
        jdbc.sql("""
                        insert into device_alert_settings (tenant_id, offline_after_minutes, battery_low_percent,
                                                           updated_at, updated_by)
                        values (?, ?, ?, ?, ?)
                        on conflict (tenant_id) do update
                        set offline_after_minutes = excluded.offline_after_minutes,
                            battery_low_percent = excluded.battery_low_percent,
                            updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .params(tenantId, offlineAfterMinutes, batteryLowPercent, Timestamp.from(now), by)
                .update();
    }
}

package id.lapak.device.health;

import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.audit.AuditEvent;
import id.lapak.tenant.audit.AuditLog;
import id.lapak.tenant.context.TenantContext;
import java.time.Clock;
import java.time.Instant;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The tenant's alert thresholds: managers read them, merchant admins change them. */
@Service
public class AlertSettingsService {

    private final AlertSettingsTable table;
    private final Clock clock;

    private final AuditLog auditLog;

    AlertSettingsService(AlertSettingsTable table, Clock clock, AuditLog auditLog) {
        this.auditLog = auditLog;
        this.table = table;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('MERCHANT_ADMIN', 'STORE_MANAGER')")
    public AlertSettings current() {
        return table.load(TenantContext.requireTenant());
    }

    /** Fails with a translation key as message when a value is out of range. */
    @Transactional
    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
    public AlertSettings update(int offlineAfterMinutes, int batteryLowPercent) {
        if (outside(offlineAfterMinutes, AlertSettings.OFFLINE_AFTER_MIN, AlertSettings.OFFLINE_AFTER_MAX)) {
            throw new IllegalArgumentException("alerts.settings.error.offlineAfter");
        }
        if (outside(batteryLowPercent, AlertSettings.BATTERY_LOW_MIN, AlertSettings.BATTERY_LOW_MAX)) {
            throw new IllegalArgumentException("alerts.settings.error.batteryLow");
        }
        var tenant = TenantContext.requireTenant();
        String by = CurrentUser.require().username();
        AlertSettings before = table.load(tenant);
        table.save(tenant, offlineAfterMinutes, batteryLowPercent, Instant.now(clock), by);
        auditLog.record(AuditEvent.of("device.alert_settings_changed", "AlertSettings", tenant)
                .change("offlineAfterMinutes", before.offlineAfterMinutes(), offlineAfterMinutes)
                .change("batteryLowPercent", before.batteryLowPercent(), batteryLowPercent));
        return table.load(tenant);
    }

    private static boolean outside(int value, int min, int max) {
        return value < min || value > max;
    }
}

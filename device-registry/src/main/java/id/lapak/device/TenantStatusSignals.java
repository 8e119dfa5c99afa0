package id.lapak.device;

import id.lapak.tenant.TenantStatusChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A suspended tenant's devices are refused: every node drops its cached view of them when the change commits. */
@Component
class TenantStatusSignals {

    private final DeviceChanges changes;

    TenantStatusSignals(DeviceChanges changes) {
        this.changes = changes;
    }

    /** Runs inside the suspension's transaction, so the signal commits (or rolls back) with it. */
    @EventListener
    void on(TenantStatusChanged event) {
        changes.tenantChanged(event.tenantId());
    }
}

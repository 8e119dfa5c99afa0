package id.lapak.device;

import id.lapak.tenant.store.StoreChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A store's address, time zone, currency or taxes are part of its devices' configuration. */
@Component
class StoreChangeSignals {

    private final DeviceChanges changes;

    StoreChangeSignals(DeviceChanges changes) {
        this.changes = changes;
    }

    /** Runs inside the store change's transaction, so the signal commits (or rolls back) with it. */
    @EventListener
    void on(StoreChanged event) {
        changes.tenantChanged(event.tenantId());
    }
}

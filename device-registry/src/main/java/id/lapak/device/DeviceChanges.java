package id.lapak.device;

import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells every app node that something a device depends on changed: the device itself, its store or its tenant.
 * The signal is a PostgreSQL {@code NOTIFY} in the same transaction as the change, so other nodes hear it exactly
 * when the change commits; this node also hears it directly after commit.
 */
@Component
public class DeviceChanges {

    public static final String CHANNEL = "lapak_device";

    private final JdbcClient jdbc;
    private final CopyOnWriteArrayList<Consumer<String>> localListeners = new CopyOnWriteArrayList<>();

    public DeviceChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void deviceChanged(UUID deviceId) {
        signal("device:" + deviceId);
    }

    /** A change to a tenant (status, configuration layer, any store) affects all its devices. */
    public void tenantChanged(UUID tenantId) {
        signal("tenant:" + tenantId);
    }

    public void addLocalListener(Consumer<String> listener) {
        localListeners.add(listener);
    }

    private void signal(String payload) {
        jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, payload).query().singleRow();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    localListeners.forEach(l -> l.accept(payload));
                }
            });
        } else {
            localListeners.forEach(l -> l.accept(payload));
        }
    }
}

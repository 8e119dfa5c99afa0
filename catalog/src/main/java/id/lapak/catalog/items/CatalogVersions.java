package id.lapak.catalog.items;

import id.lapak.device.DeviceChanges;
import id.lapak.device.config.CatalogVersionSource;
import id.lapak.tenant.context.TenantContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The per-tenant catalog version. A transaction that changes the catalog takes the next version once (the first
 * call bumps the counter with {@code update ... returning}, later calls in the same transaction get the same
 * number). The counter row stays locked until the transaction ends, so the tenant's catalog writers commit in version
 * order and a device that has seen version N has seen every change up to N. The bump also tells the device
 * configuration caches that the tenant's catalog version changed.
 */
@Component
public class CatalogVersions implements CatalogVersionSource {

    private final JdbcClient jdbc;
    private final DeviceChanges changes;
    private final Clock clock;

    CatalogVersions(JdbcClient jdbc, DeviceChanges changes, Clock clock) {
        this.jdbc = jdbc;
        this.changes = changes;
        this.clock = clock;
    }

    /** The version of the current transaction's catalog changes; must run inside a transaction. */
    public long next() {
        UUID tenant = TenantContext.requireTenant();
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A catalog change needs a transaction");
        }
        String key = "catalog-version:" + tenant;
        Object bound = TransactionSynchronizationManager.getResource(key);
        if (bound instanceof Long version) {
            return version;
        }
        long version = jdbc.sql("""
                        insert into catalog_version (tenant_id, version, changed_at) values (?, 1, ?)
                        on conflict (tenant_id) do update
                        set version = catalog_version.version + 1, changed_at = excluded.changed_at
                        returning version""")
                .params(tenant, Timestamp.from(Instant.now(clock)))
                .query(Long.class)
                .single();
        TransactionSynchronizationManager.bindResource(key, version);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
            }
        });
        changes.tenantChanged(tenant);
        return version;
    }

    /** The tenant's current catalog version (0 before its first change); row-level security applies. */
    @Override
    public CatalogVersion current(UUID tenantId) {
        Optional<CatalogVersion> row = jdbc.sql("select version, changed_at from catalog_version where tenant_id = ?")
                .param(tenantId)
                .query((rs, n) ->
                        new CatalogVersion(rs.getLong(1), rs.getTimestamp(2).toInstant()))
                .optional();
        return row.orElse(new CatalogVersion(0, null));
    }
}

package id.lapak.catalog.items;

import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.context.TenantContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Writes one price change (catalog price when {@code storeId} is null) in the caller's transaction. */
@Component
class PriceHistory {

    private final JdbcClient jdbc;

    PriceHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(UUID variantId, UUID storeId, Long before, Long after, String source) {
        jdbc.sql("""
                        insert into catalog_price_change (tenant_id, id, variant_id, store_id, old_price_minor,
                            new_price_minor, changed_by, changed_at, source)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        TenantContext.requireTenant(),
                        UUID.randomUUID(),
                        variantId,
                        storeId,
                        before,
                        after,
                        CurrentUser.find().map(u -> u.username()).orElse("system"),
                        Timestamp.from(Instant.now()),
                        source)
                .update();
    }
}

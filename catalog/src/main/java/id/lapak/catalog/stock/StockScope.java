package id.lapak.catalog.stock;

import id.lapak.tenant.context.TenantContext;
import id.lapak.tenant.store.StoreNotFoundException;
import id.lapak.tenant.store.StoreScope;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which stores the signed-in person may see and change stock of: a merchant admin every store of the tenant, a store
 * manager their own. A store id from outside resolves only within both the tenant and that scope.
 */
@Component
class StockScope {

    /** The scope as SQL parameters: {@code (? or store_id = any(?::uuid[]))}. */
    record Stores(UUID tenantId, boolean all, String[] ids) {

        boolean allows(UUID storeId) {
            return all || Arrays.asList(ids).contains(storeId.toString());
        }
    }

    private final JdbcClient jdbc;

    StockScope(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Stores current() {
        UUID tenantId = TenantContext.requireTenant();
        StoreScope scope = StoreScope.current();
        return new Stores(tenantId, scope.isAll(), scope.sqlArray());
    }

    /** The store, if it exists in the tenant and the person may work on it; otherwise not found. */
    Stores require(UUID storeId) {
        Stores stores = current();
        if (storeId == null
                || !stores.allows(storeId)
                || !jdbc.sql("select exists(select 1 from store where tenant_id = ? and id = ?)")
                        .params(stores.tenantId(), storeId)
                        .query(Boolean.class)
                        .single()) {
            throw new StoreNotFoundException(storeId);
        }
        return stores;
    }
}

package id.lapak.tenant.store;

import id.lapak.tenant.context.TenantContext;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds stores with fixed ids for local demo tenants. Runs inside each tenant's own context, so it passes the same
 * two walls as any tenant user; it is not a way around them.
 */
@Service
public class DemoStores {

    private final StoreRepository stores;
    private final TransactionTemplate transaction;

    DemoStores(StoreRepository stores, PlatformTransactionManager transactionManager) {
        this.stores = stores;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    public void createIfMissing(UUID tenantId, UUID storeId, StoreForm form) {
        if (!form.problems().isEmpty()) {
            throw new InvalidStoreException(form.problems());
        }
        TenantContext.runAs(
                tenantId,
                () -> transaction.executeWithoutResult(s -> {
                    if (!stores.existsById(storeId)) {
                        stores.save(new Store(storeId, form));
                    }
                }));
    }
}

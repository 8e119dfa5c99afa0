package id.lapak.catalog.stock;

import id.lapak.tenant.context.TenantContext;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The fallback directory: the addresses a merchant admin entered for the store in the stock settings. */
public class ConfiguredStoreManagerDirectory implements StoreManagerDirectory {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    public ConfiguredStoreManagerDirectory(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.transaction.setReadOnly(true);
    }

    @Override
    public List<String> managerEmails(UUID tenantId, UUID storeId) {
        return TenantContext.callAs(
                tenantId, () -> transaction.execute(s -> StockAlertSettingsService.read(jdbc, tenantId, storeId)));
    }
}

package id.lapak.catalog.stock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Registers the configured-recipients {@link StoreManagerDirectory} unless the application defines its own. An
 * auto-configuration (not a component) so the condition is evaluated after the application's own beans.
 */
@AutoConfiguration
public class StockAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(StoreManagerDirectory.class)
    StoreManagerDirectory configuredStoreManagerDirectory(JdbcClient jdbc, PlatformTransactionManager transactions) {
        return new ConfiguredStoreManagerDirectory(jdbc, transactions);
    }
}

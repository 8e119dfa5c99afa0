package id.lapak.tenant.context;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Two pools, two database roles: the application's ({@code spring.datasource.*}, e.g. {@code lapak_app}) and the
 * platform's ({@code lapak.database.platform.*}, e.g. {@code lapak_platform}, same URL), behind one data source
 * that picks by the current scope ({@link ScopeRoutingDataSource}).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseRolesConfiguration {

    @Bean
    ScopeRoutingDataSource dataSource(DataSourceProperties properties, Environment environment) {
        HikariDataSource application = properties
                .initializeDataSourceBuilder()
                .type(HikariDataSource.class)
                .build();
        Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(application));
        if (application.getPoolName() == null) {
            application.setPoolName("lapak-application");
        }
        HikariDataSource platform = properties
                .initializeDataSourceBuilder()
                .type(HikariDataSource.class)
                .username(environment.getProperty("lapak.database.platform.username", "lapak_platform"))
                .password(environment.getRequiredProperty("lapak.database.platform.password"))
                .build();
        platform.setPoolName("lapak-platform");
        platform.setMaximumPoolSize(environment.getProperty("lapak.database.platform.pool-size", Integer.class, 4));
        platform.setMinimumIdle(0);
        return new ScopeRoutingDataSource(application, platform);
    }
}

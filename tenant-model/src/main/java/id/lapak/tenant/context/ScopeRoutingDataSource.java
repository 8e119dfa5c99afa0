package id.lapak.tenant.context;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;

/**
 * The application's one {@link DataSource}, over two pools that log in as two database roles: work inside
 * {@link PlatformAccess} gets a connection of the platform role (which row-level security lets see every tenant),
 * everything else one of the application's role (which sees only the tenant sealed into its transaction). The
 * choice is made when a transaction takes its connection, so the scope cannot change under an open transaction.
 */
class ScopeRoutingDataSource extends AbstractRoutingDataSource implements AutoCloseable {

    private enum Pool {
        APPLICATION,
        PLATFORM
    }

    private final HikariDataSource application;
    private final HikariDataSource platform;

    ScopeRoutingDataSource(HikariDataSource application, HikariDataSource platform) {
        this.application = application;
        this.platform = platform;
        setTargetDataSources(Map.of(Pool.APPLICATION, application, Pool.PLATFORM, platform));
        setDefaultTargetDataSource(application);
        setLenientFallback(false);
        afterPropertiesSet();
    }

    @Override
    protected Object determineCurrentLookupKey() {
        return TenantContext.isPlatform() ? Pool.PLATFORM : Pool.APPLICATION;
    }

    /**
     * Unwraps to the application's pool: what the framework derives other connections from (Flyway's owner
     * connection takes its URL from it) and what a listening connection copies.
     */
    @Override
    @SuppressWarnings("unchecked")
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(application)) {
            return (T) application;
        }
        return super.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(application) || super.isWrapperFor(type);
    }

    @Override
    public void close() {
        platform.close();
        application.close();
    }
}

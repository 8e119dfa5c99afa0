package id.lapak.tenant.context;

import java.sql.PreparedStatement;
import java.util.UUID;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.Session;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wall 2: at the start of every transaction, tells PostgreSQL whose rows it may show, with {@code set_config(...,
 * true)} so the setting dies with the transaction and never leaks to the next user of a pooled connection.
 * Row-level security policies read {@code app.tenant_id} and {@code app.platform}; with neither set, every tenant
 * table reads as empty.
 */
public class TenantAwareTransactionManager extends JpaTransactionManager {

    static final String SET_SCOPE = "select set_config('app.tenant_id', ?, true), set_config('app.platform', ?, true)";

    public TenantAwareTransactionManager(EntityManagerFactory entityManagerFactory) {
        super(entityManagerFactory);
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        super.doBegin(transaction, definition);
        var holder = (EntityManagerHolder) TransactionSynchronizationManager.getResource(obtainEntityManagerFactory());
        if (holder == null) {
            throw new IllegalStateException("Transaction began without an EntityManager bound");
        }
        String tenant = TenantContext.currentTenant().map(UUID::toString).orElse("");
        String platform = TenantContext.isPlatform() ? "on" : "";
        holder.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(SET_SCOPE)) {
                statement.setString(1, tenant);
                statement.setString(2, platform);
                statement.execute();
            }
        });
    }
}

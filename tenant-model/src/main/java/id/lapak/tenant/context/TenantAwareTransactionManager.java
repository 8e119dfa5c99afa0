package id.lapak.tenant.context;

import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.access.ReadOnlyViewException;
import id.lapak.tenant.access.ReadOnlyViewer;
import jakarta.persistence.EntityManagerFactory;
import java.sql.PreparedStatement;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wall 2: at the start of every transaction, tells PostgreSQL whose rows it may show. A tenant's transaction runs
 * on a connection of the application's role with {@code app.tenant_id} and its seal ({@link TenantSeal}), set with
 * {@code set_config(..., true)} so both die with the transaction and never leak to the next user of a pooled
 * connection; row-level security admits the tenant only while the seal checks. Platform work runs on a connection
 * of the platform role ({@link ScopeRoutingDataSource}), which needs no setting. With no tenant, every tenant table
 * reads as empty.
 * <p>
 * It is also the one guard of "view as tenant": while the signed-in user is a {@link ReadOnlyViewer}, a transaction
 * that is not read-only is refused before it begins, and a read-only one is made {@code READ ONLY} in PostgreSQL.
 * The audit log's own transaction ({@link #AUDIT_TRANSACTION}) is the exception, so view-as is itself audited.
 */
public class TenantAwareTransactionManager extends JpaTransactionManager {

    /** The name of the audit log's own transaction (it only appends audit entries). */
    public static final String AUDIT_TRANSACTION = "lapak-audit-append";

    private final TenantSeal seal;

    public TenantAwareTransactionManager(EntityManagerFactory entityManagerFactory, TenantSeal seal) {
        super(entityManagerFactory);
        this.seal = seal;
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        boolean viewer =
                CurrentUser.find().filter(ReadOnlyViewer.class::isInstance).isPresent()
                        && !AUDIT_TRANSACTION.equals(definition.getName());
        if (viewer && !definition.isReadOnly()) {
            throw new ReadOnlyViewException();
        }
        super.doBegin(transaction, definition);
        var holder = (EntityManagerHolder) TransactionSynchronizationManager.getResource(obtainEntityManagerFactory());
        if (holder == null) {
            throw new IllegalStateException("Transaction began without an EntityManager bound");
        }
        Optional<UUID> tenant = TenantContext.currentTenant();
        holder.getEntityManager().unwrap(Session.class).doWork(connection -> {
            if (tenant.isPresent()) {
                seal.apply(connection, tenant.get());
            }
            if (viewer) {
                try (PreparedStatement statement = connection.prepareStatement("set transaction read only")) {
                    statement.execute();
                }
            }
        });
    }
}

package id.lapak.tenant.context;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one path to data across tenants (support staff, platform jobs). Every use names its purpose, is logged with
 * it, and runs in its own transaction on a connection of the platform's database role, the only role row-level
 * security lets see every tenant ({@link ScopeRoutingDataSource}). Nothing else in the code base may read across
 * tenants.
 */
@Component
public class PlatformAccess {

    private static final Logger log = LoggerFactory.getLogger(PlatformAccess.class);

    private final TransactionTemplate transaction;

    public PlatformAccess(PlatformTransactionManager transactionManager) {
        this.transaction = new TransactionTemplate(transactionManager);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public <T> T call(String purpose, Supplier<T> work) {
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("Platform access needs a stated purpose");
        }
        log.info("Platform access: {}", purpose);
        return TenantContext.callIn(
                new TenantContext.PlatformScope(purpose), () -> transaction.execute(s -> work.get()));
    }

    public void run(String purpose, Runnable work) {
        call(purpose, () -> {
            work.run();
            return null;
        });
    }
}

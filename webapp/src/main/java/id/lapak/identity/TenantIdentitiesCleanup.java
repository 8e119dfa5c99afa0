package id.lapak.identity;

import id.lapak.tenant.TenantOffboarded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When a tenant is offboarded (and only once that has committed), its Keycloak users and group go too, so nobody
 * can log in to a tenant that no longer exists.
 */
@Component
class TenantIdentitiesCleanup {

    private static final Logger log = LoggerFactory.getLogger(TenantIdentitiesCleanup.class);

    private final Identities identities;

    TenantIdentitiesCleanup(Identities identities) {
        this.identities = identities;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(TenantOffboarded event) {
        try {
            identities.removeTenant(event.tenantId());
            log.info("Removed the Keycloak users and group of offboarded tenant {}", event.tenantId());
        } catch (KeycloakUnavailableException e) {
            // The tenant row is gone, so its users can no longer log in (LoginPolicy refuses an unknown tenant).
            log.error(
                    "Could not remove the Keycloak users of offboarded tenant {}: {}",
                    event.tenantId(),
                    e.getMessage());
        }
    }
}

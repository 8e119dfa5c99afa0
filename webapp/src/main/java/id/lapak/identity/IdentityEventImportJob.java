package id.lapak.identity;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quartz's entry to {@link IdentityEventImport#importNew()}; on a cluster each firing runs on one node, never two.
 * While Keycloak is away the events wait in Keycloak's store for the next firing.
 */
@DisallowConcurrentExecution
class IdentityEventImportJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(IdentityEventImportJob.class);

    private final IdentityEventImport events;

    IdentityEventImportJob(IdentityEventImport events) {
        this.events = events;
    }

    @Override
    public void execute(JobExecutionContext context) {
        try {
            events.importNew();
        } catch (KeycloakUnavailableException e) {
            log.warn("Keycloak's security events were not imported this time: {}", e.getMessage());
        }
    }
}

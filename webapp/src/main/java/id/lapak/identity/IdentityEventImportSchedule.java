package id.lapak.identity;

import java.time.Duration;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keycloak's security events are imported every {@code lapak.identity.event-import-interval} (one minute by
 * default) on the clustered scheduler. A missed firing is not replayed: the next one reads from where the last import
 * stopped.
 */
@Configuration(proxyBeanMethods = false)
class IdentityEventImportSchedule {

    static final JobKey JOB = JobKey.jobKey("identity-event-import", "identity");

    @Bean
    JobDetail identityEventImportJob() {
        return JobBuilder.newJob(IdentityEventImportJob.class)
                .withIdentity(JOB)
                .withDescription("Copies Keycloak's failed logins, lockouts and credential changes into the audit log")
                .storeDurably()
                .build();
    }

    @Bean
    Trigger identityEventImportTrigger(@Value("${lapak.identity.event-import-interval:PT1M}") Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalStateException("lapak.identity.event-import-interval must be positive");
        }
        return TriggerBuilder.newTrigger()
                .forJob(JOB)
                .withIdentity("identity-event-import-repeating", "identity")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(interval.toMillis())
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}

package id.lapak.billing.subscription;

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
 * Tenant billing runs every {@code lapak.billing.run-interval} (an hour by default) on the clustered Quartz store,
 * so each tenant's month is billed soon after it ends in the tenant's own zone. Missed firings are not replayed:
 * the next run bills every period that ended meanwhile; a doubled firing is harmless (one invoice per tenant and
 * period is the database's key, and the tenant is locked while billed).
 */
@Configuration(proxyBeanMethods = false)
class BillingSchedule {

    static final JobKey JOB = JobKey.jobKey("tenant-billing", "billing");

    @Bean
    JobDetail tenantBillingJob() {
        return JobBuilder.newJob(BillingJob.class)
                .withIdentity(JOB)
                .withDescription("Bills every tenant for its ended months, reminds and suspends for non-payment")
                .storeDurably()
                .build();
    }

    @Bean
    Trigger tenantBillingTrigger(@Value("${lapak.billing.run-interval:PT1H}") Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalStateException("lapak.billing.run-interval must be positive");
        }
        return TriggerBuilder.newTrigger()
                .forJob(JOB)
                .withIdentity("tenant-billing-repeating", "billing")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(interval.toMillis())
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}

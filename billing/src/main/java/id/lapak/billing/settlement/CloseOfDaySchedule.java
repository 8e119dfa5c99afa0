package id.lapak.billing.settlement;

import java.time.Duration;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The close of day runs every {@code lapak.settlement.close-interval} (15 minutes by default), so each tenant's
 * days close soon after their own cut-off plus grace, whatever the stores' zones and the tenant's close-of-day time.
 * <p>
 * Misfires: when the cluster was down, the missed firings are not replayed one by one
 * ({@link SimpleTrigger#MISFIRE_INSTRUCTION_RESCHEDULE_NEXT_WITH_REMAINING_COUNT}); the first firing after the
 * downtime closes every day that became due meanwhile, oldest first, because a run closes all due days and not
 * "yesterday". A replayed or doubled firing would be harmless anyway: a closed day is never closed again.
 */
@Configuration(proxyBeanMethods = false)
class CloseOfDaySchedule {

    static final JobKey JOB = JobKey.jobKey("settlement-close-of-day", "billing");

    @Bean
    JobDetail closeOfDayJob() {
        return JobBuilder.newJob(CloseOfDayJob.class)
                .withIdentity(JOB)
                .withDescription("Closes the due business days of every tenant: batches, ledger, payouts")
                .storeDurably()
                .build();
    }

    @Bean
    Trigger closeOfDayTrigger(@Value("${lapak.settlement.close-interval:PT15M}") Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalStateException("lapak.settlement.close-interval must be positive");
        }
        return TriggerBuilder.newTrigger()
                .forJob(JOB)
                .withIdentity("settlement-close-of-day-repeating", "billing")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(interval.toMillis())
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}

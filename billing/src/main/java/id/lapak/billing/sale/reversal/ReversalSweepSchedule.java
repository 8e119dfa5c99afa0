package id.lapak.billing.sale.reversal;

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
 * The reversal sweep runs every {@code lapak.payments.reversal-sweep.interval} (a minute by default); missed runs are
 * skipped, the next one catches up.
 */
@Configuration(proxyBeanMethods = false)
class ReversalSweepSchedule {

    static final JobKey JOB = JobKey.jobKey("payments-reversal-sweep", "billing");

    @Bean
    JobDetail reversalSweepJob() {
        return JobBuilder.newJob(ReversalSweepJob.class)
                .withIdentity(JOB)
                .withDescription("Retries the reversal of REVERSAL_PENDING sales of every tenant")
                .storeDurably()
                .build();
    }

    @Bean
    Trigger reversalSweepTrigger(@Value("${lapak.payments.reversal-sweep.interval:PT1M}") Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalStateException("lapak.payments.reversal-sweep.interval must be positive");
        }
        return TriggerBuilder.newTrigger()
                .forJob(JOB)
                .withIdentity("payments-reversal-sweep-repeating", "billing")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(interval.toMillis())
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}

package id.lapak.reports;

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
 * Subscribed reports are looked for every {@code lapak.reports.subscription-interval} (5 minutes by default) on the
 * clustered scheduler. A missed firing is not replayed: the next one sends every period that became due meanwhile,
 * and a doubled one sends nothing twice (each period's delivery row is unique).
 */
@Configuration(proxyBeanMethods = false)
class ScheduledReportSchedule {

    static final JobKey JOB = JobKey.jobKey("scheduled-reports", "reports");

    @Bean
    JobDetail scheduledReportJob() {
        return JobBuilder.newJob(ScheduledReportJob.class)
                .withIdentity(JOB)
                .withDescription("E-mails the subscribed reports whose periods ended")
                .storeDurably()
                .build();
    }

    @Bean
    Trigger scheduledReportTrigger(@Value("${lapak.reports.subscription-interval:PT5M}") Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalStateException("lapak.reports.subscription-interval must be positive");
        }
        return TriggerBuilder.newTrigger()
                .forJob(JOB)
                .withIdentity("scheduled-reports-repeating", "reports")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(interval.toMillis())
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}

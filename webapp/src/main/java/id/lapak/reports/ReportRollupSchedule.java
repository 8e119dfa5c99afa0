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
 * The rollups run every {@code lapak.reports.rollup-interval} (10 minutes by default) on the clustered scheduler.
 * A missed firing is not replayed: the next one rolls every day that became due meanwhile, and a doubled one would
 * change nothing (a roll replaces a day's rows).
 */
@Configuration(proxyBeanMethods = false)
class ReportRollupSchedule {

    static final JobKey JOB = JobKey.jobKey("report-rollups", "reports");

    @Bean
    JobDetail reportRollupJob() {
        return JobBuilder.newJob(ReportRollupJob.class)
                .withIdentity(JOB)
                .withDescription("Rolls up the ended days of every store for the reports")
                .storeDurably()
                .build();
    }

    @Bean
    Trigger reportRollupTrigger(@Value("${lapak.reports.rollup-interval:PT10M}") Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalStateException("lapak.reports.rollup-interval must be positive");
        }
        return TriggerBuilder.newTrigger()
                .forJob(JOB)
                .withIdentity("report-rollups-repeating", "reports")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(interval.toMillis())
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}

package id.lapak.device.auth;

import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Expired assertion ids are purged every hour; a missed run fires once when the scheduler is back. */
@Configuration(proxyBeanMethods = false)
class ExpiredAssertionsSchedule {

    static final JobKey JOB = JobKey.jobKey("device-assertions-purge", "device");

    @Bean
    JobDetail expiredAssertionsJob() {
        return JobBuilder.newJob(ExpiredAssertionsJob.class)
                .withIdentity(JOB)
                .withDescription("Deletes used device assertion ids that expired over an hour ago")
                .storeDurably()
                .build();
    }

    @Bean
    Trigger expiredAssertionsTrigger() {
        return TriggerBuilder.newTrigger()
                .forJob(JOB)
                .withIdentity("device-assertions-purge-hourly", "device")
                .withSchedule(
                        CronScheduleBuilder.cronSchedule("0 17 * * * ?").withMisfireHandlingInstructionFireAndProceed())
                .build();
    }
}

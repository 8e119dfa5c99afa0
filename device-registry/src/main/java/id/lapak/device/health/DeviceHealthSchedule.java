package id.lapak.device.health;

import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The health check runs at the start of every minute; a missed minute is skipped, the next one catches up. */
@Configuration(proxyBeanMethods = false)
class DeviceHealthSchedule {

    static final JobKey JOB = JobKey.jobKey("device-health-check", "device");

    @Bean
    JobDetail deviceHealthJob() {
        return JobBuilder.newJob(DeviceHealthJob.class)
                .withIdentity(JOB)
                .withDescription("Raises and clears device alerts of every active tenant")
                .storeDurably()
                .build();
    }

    @Bean
    Trigger deviceHealthTrigger() {
        return TriggerBuilder.newTrigger()
                .forJob(JOB)
                .withIdentity("device-health-check-every-minute", "device")
                .withSchedule(CronScheduleBuilder.cronSchedule("0 * * * * ?").withMisfireHandlingInstructionDoNothing())
                .build();
    }
}

package id.lapak.catalog.mail;

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
 * The outbox sender runs every {@code lapak.mail.outbox.interval} (30 seconds by default); missed runs are skipped,
 * the next one catches up.
 */
@Configuration(proxyBeanMethods = false)
class MailOutboxSchedule {

    static final JobKey JOB = JobKey.jobKey("mail-outbox-sender", "mail");

    @Bean
    JobDetail mailOutboxJob() {
        return JobBuilder.newJob(MailOutboxJob.class)
                .withIdentity(JOB)
                .withDescription("Sends the pending e-mails (low-stock alerts, receipts) of every tenant")
                .storeDurably()
                .build();
    }

    @Bean
    Trigger mailOutboxTrigger(@Value("${lapak.mail.outbox.interval:PT30S}") Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalStateException("lapak.mail.outbox.interval must be positive");
        }
        return TriggerBuilder.newTrigger()
                .forJob(JOB)
                .withIdentity("mail-outbox-sender-repeating", "mail")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(interval.toMillis())
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}

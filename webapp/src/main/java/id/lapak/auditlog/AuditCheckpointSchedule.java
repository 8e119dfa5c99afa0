package id.lapak.auditlog;

import id.lapak.billing.settlement.DaysClosed;
import id.lapak.tenant.audit.AuditLog;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The audit chains are signed into a checkpoint outside the database every hour (cron
 * {@code lapak.audit.checkpoint-cron}) on the clustered scheduler, and a tenant's chain again when one of its days
 * closes. A missed hour is not replayed: the next checkpoint covers everything before it. Once a day each tenant's
 * admins are e-mailed their chain's last checkpoint ({@link AuditDigest}); a missed day is sent when the scheduler is
 * back.
 */
@Configuration(proxyBeanMethods = false)
class AuditCheckpointSchedule {

    static final JobKey JOB = JobKey.jobKey("audit-checkpoints", "audit");

    @Bean
    JobDetail auditCheckpointJob() {
        return JobBuilder.newJob(AuditCheckpointJob.class)
                .withIdentity(JOB)
                .withDescription("Signs every intact audit chain's head into a checkpoint outside the database")
                .storeDurably()
                .build();
    }

    @Bean
    Trigger auditCheckpointTrigger(@Value("${lapak.audit.checkpoint-cron:0 0 * * * ?}") String cron) {
        return TriggerBuilder.newTrigger()
                .forJob(JOB)
                .withIdentity("audit-checkpoints-hourly", "audit")
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).withMisfireHandlingInstructionDoNothing())
                .build();
    }

    static final JobKey DIGEST_JOB = JobKey.jobKey("audit-digest", "audit");

    @Bean
    JobDetail auditDigestJob() {
        return JobBuilder.newJob(AuditDigestJob.class)
                .withIdentity(DIGEST_JOB)
                .withDescription("E-mails each tenant's admins the last signed checkpoint of their audit chain")
                .storeDurably()
                .build();
    }

    /** After the first checkpoint of the day (01:00 in Jakarta), once a day. */
    @Bean
    Trigger auditDigestTrigger(@Value("${lapak.audit.digest-cron:0 10 1 * * ?}") String cron) {
        return TriggerBuilder.newTrigger()
                .forJob(DIGEST_JOB)
                .withIdentity("audit-digest-daily", "audit")
                .withSchedule(CronScheduleBuilder.cronSchedule(cron)
                        .inTimeZone(TimeZone.getTimeZone(AuditDigest.DIGEST_ZONE))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    @Bean
    DayCloseCheckpoint dayCloseCheckpoint(AuditLog audit) {
        return new DayCloseCheckpoint(audit);
    }

    /**
     * After a run of the close of day, the chains of the tenants it closed days of are signed, into one checkpoint
     * for the run (one file written and synced, not one per tenant).
     */
    static final class DayCloseCheckpoint {
        private final AuditLog audit;

        DayCloseCheckpoint(AuditLog audit) {
            this.audit = audit;
        }

        @EventListener
        void daysClosed(DaysClosed closed) {
            try {
                audit.checkpointTenants(closed.tenants());
            } catch (RuntimeException e) {
                // The hourly checkpoint covers it; the day close itself is done.
                LoggerFactory.getLogger(AuditCheckpointSchedule.class)
                        .error(
                                "The day-close audit checkpoint of {} tenants failed",
                                closed.tenants().size(),
                                e);
            }
        }
    }
}

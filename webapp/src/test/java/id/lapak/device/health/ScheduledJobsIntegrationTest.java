package id.lapak.device.health;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.testing.IntegrationTest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.jdbcjobstore.JobStoreSupport;
import org.quartz.impl.matchers.KeyMatcher;
import org.quartz.listeners.JobListenerSupport;
import org.springframework.beans.factory.annotation.Autowired;

/** The scheduler shares its jobs through the database across nodes, and the device jobs are in it. */
@IntegrationTest
class ScheduledJobsIntegrationTest {

    @Autowired
    Scheduler scheduler;

    @Test
    void theSchedulerIsClusteredOverTheDatabase() throws SchedulerException {
        var metaData = scheduler.getMetaData();
        assertThat(metaData.isJobStoreClustered()).isTrue();
        assertThat(metaData.isJobStoreSupportsPersistence()).isTrue();
        assertThat(JobStoreSupport.class).isAssignableFrom(metaData.getJobStoreClass());
        assertThat(metaData.getThreadPoolSize()).isEqualTo(2);
    }

    @Test
    void theDeviceHealthCheckRunsEveryMinuteAndAssertionsArePurgedHourly() throws SchedulerException {
        assertThat(scheduler.getJobDetail(DeviceHealthSchedule.JOB).getJobClass())
                .isEqualTo(DeviceHealthJob.class);
        assertThat(scheduler.getJobDetail(DeviceHealthSchedule.JOB).isConcurrentExecutionDisallowed())
                .isTrue();
        assertThat(scheduler.getTriggersOfJob(DeviceHealthSchedule.JOB))
                .singleElement()
                .isInstanceOfSatisfying(
                        CronTrigger.class,
                        t -> assertThat(t.getCronExpression()).isEqualTo("0 * * * * ?"));
        assertThat(scheduler.getTriggersOfJob(JobKey.jobKey("device-assertions-purge", "device")))
                .singleElement()
                .isInstanceOfSatisfying(
                        CronTrigger.class,
                        t -> assertThat(t.getCronExpression()).isEqualTo("0 17 * * * ?"));
    }

    @Test
    void aStartedSchedulerRunsAJobThroughTheDatabaseAsTheApplicationRole() throws Exception {
        JobKey purge = JobKey.jobKey("device-assertions-purge", "device");
        CompletableFuture<JobExecutionException> ran = new CompletableFuture<>();
        scheduler
                .getListenerManager()
                .addJobListener(
                        new JobListenerSupport() {
                            @Override
                            public String getName() {
                                return "test: purge ran";
                            }

                            @Override
                            public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
                                ran.complete(failure);
                            }
                        },
                        KeyMatcher.keyEquals(purge));
        // Only the job under test may fire: the health check would otherwise run on the real clock.
        scheduler.pauseJob(DeviceHealthSchedule.JOB);
        try {
            scheduler.start();
            scheduler.triggerJob(purge);
            assertThat(ran.get(30, TimeUnit.SECONDS)).isNull();
        } finally {
            scheduler.standby();
            scheduler.resumeJob(DeviceHealthSchedule.JOB);
            scheduler.getListenerManager().removeJobListener("test: purge ran");
        }
    }
}

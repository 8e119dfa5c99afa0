package id.lapak.device.health;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.support.IntegrationTest;

import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.jdbcjobstore.JobStoreSupport;
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
        assertThat(scheduler.getJobDetail(DeviceHealthSchedule.JOB).getJobClass()).isEqualTo(DeviceHealthJob.class);
        assertThat(scheduler.getJobDetail(DeviceHealthSchedule.JOB).isConcurrentExecutionDisallowed()).isTrue();
        assertThat(scheduler.getTriggersOfJob(DeviceHealthSchedule.JOB)).singleElement()
                .isInstanceOfSatisfying(CronTrigger.class,
                        t -> assertThat(t.getCronExpression()).isEqualTo("0 * * * * ?"));
        assertThat(scheduler.getTriggersOfJob(JobKey.jobKey("device-assertions-purge", "device"))).singleElement()
                .isInstanceOfSatisfying(CronTrigger.class,
                        t -> assertThat(t.getCronExpression()).isEqualTo("0 17 * * * ?"));
    }
}

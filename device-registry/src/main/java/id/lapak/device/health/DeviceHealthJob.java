package id.lapak.device.health;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Quartz's entry to the health check; on a cluster, each firing runs on one node and never overlaps the last. */
@DisallowConcurrentExecution
class DeviceHealthJob implements Job {

    private final DeviceHealthChecker checker;

    DeviceHealthJob(DeviceHealthChecker checker) {
        this.checker = checker;
    }

    @Override
    public void execute(JobExecutionContext context) {
        checker.checkAll();
    }
}

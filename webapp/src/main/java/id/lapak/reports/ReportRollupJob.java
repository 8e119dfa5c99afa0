package id.lapak.reports;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Quartz's entry to {@link ReportRollups#rollDue()}; on a cluster each firing runs on one node, never two. */
@DisallowConcurrentExecution
class ReportRollupJob implements Job {

    private final ReportRollups rollups;

    ReportRollupJob(ReportRollups rollups) {
        this.rollups = rollups;
    }

    @Override
    public void execute(JobExecutionContext context) {
        rollups.rollDue();
    }
}

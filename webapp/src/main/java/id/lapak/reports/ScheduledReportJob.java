package id.lapak.reports;

import java.time.Clock;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Quartz's entry to {@link ScheduledReportSender#deliverDue}; on a cluster each firing runs on one node, never two. */
@DisallowConcurrentExecution
class ScheduledReportJob implements Job {

    private final ScheduledReportSender sender;
    private final Clock clock;

    ScheduledReportJob(ScheduledReportSender sender, Clock clock) {
        this.sender = sender;
        this.clock = clock;
    }

    @Override
    public void execute(JobExecutionContext context) {
        sender.deliverDue(clock.instant());
    }
}

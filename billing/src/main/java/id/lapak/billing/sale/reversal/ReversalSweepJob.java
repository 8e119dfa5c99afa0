package id.lapak.billing.sale.reversal;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Quartz's entry to {@link ReversalSweeper#sweep()}; on a cluster, each firing runs on one node, never overlapping. */
@DisallowConcurrentExecution
class ReversalSweepJob implements Job {

    private final ReversalSweeper sweeper;

    ReversalSweepJob(ReversalSweeper sweeper) {
        this.sweeper = sweeper;
    }

    @Override
    public void execute(JobExecutionContext context) {
        sweeper.sweep();
    }
}

package id.lapak.billing.subscription;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Quartz's entry to {@link BillingRun#runDue()}; on a cluster each firing runs on one node, never two. */
@DisallowConcurrentExecution
class BillingJob implements Job {

    private final BillingRun run;

    BillingJob(BillingRun run) {
        this.run = run;
    }

    @Override
    public void execute(JobExecutionContext context) {
        run.runDue();
    }
}

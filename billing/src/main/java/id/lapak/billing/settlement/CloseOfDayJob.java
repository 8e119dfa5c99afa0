package id.lapak.billing.settlement;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Quartz's entry to {@link SettlementCloser#closeDue()}, then {@link SettlementCloser#afterClose} (audit chains signed,
 * the statements of the batches it closed); on a cluster each firing runs on one node, never two.
 */
@DisallowConcurrentExecution
class CloseOfDayJob implements Job {

    private final SettlementCloser closer;

    CloseOfDayJob(SettlementCloser closer) {
        this.closer = closer;
    }

    @Override
    public void execute(JobExecutionContext context) {
        closer.afterClose(closer.closeDue());
    }
}

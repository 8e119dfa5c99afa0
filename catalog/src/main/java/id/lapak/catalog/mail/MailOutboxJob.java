package id.lapak.catalog.mail;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Quartz's entry to {@link MailOutboxSender#sendDue()}; each firing runs on one node of the cluster, alone. */
@DisallowConcurrentExecution
class MailOutboxJob implements Job {

    private final MailOutboxSender sender;

    MailOutboxJob(MailOutboxSender sender) {
        this.sender = sender;
    }

    @Override
    public void execute(JobExecutionContext context) {
        sender.sendDue();
    }
}

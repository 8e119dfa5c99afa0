package id.lapak.auditlog;

import id.lapak.tenant.audit.AuditLog;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Quartz's entry to {@link AuditLog#checkpointAll()}; on a cluster each firing runs on one node, never two. */
@DisallowConcurrentExecution
class AuditCheckpointJob implements Job {

    private final AuditLog audit;

    AuditCheckpointJob(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void execute(JobExecutionContext context) {
        audit.checkpointAll();
    }
}

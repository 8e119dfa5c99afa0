package id.lapak.auditlog;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Quartz's entry to {@link AuditDigest#queueDaily()}; on a cluster each firing runs on one node, never two. */
@DisallowConcurrentExecution
class AuditDigestJob implements Job {

    private final AuditDigest digest;

    AuditDigestJob(AuditDigest digest) {
        this.digest = digest;
    }

    @Override
    public void execute(JobExecutionContext context) {
        digest.queueDaily();
    }
}

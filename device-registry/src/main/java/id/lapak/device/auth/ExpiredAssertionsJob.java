package id.lapak.device.auth;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Quartz's entry to {@link ExpiredAssertions#purge()}. */
@DisallowConcurrentExecution
class ExpiredAssertionsJob implements Job {

    private final ExpiredAssertions assertions;

    ExpiredAssertionsJob(ExpiredAssertions assertions) {
        this.assertions = assertions;
    }

    @Override
    public void execute(JobExecutionContext context) {
        assertions.purge();
    }
}

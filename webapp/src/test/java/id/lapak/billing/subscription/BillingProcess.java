package id.lapak.billing.subscription;

import id.lapak.testing.CrashableProcess;
import java.time.Instant;
import java.util.UUID;

/**
 * A separate Lapak process for {@link TenantBillingCrashIntegrationTest}: the whole application on the test's
 * database, billing one tenant's ended months once and exiting. With {@code --stop-at-invoice=N} it stops in the
 * middle: when the N-th invoice has been written (number taken, lines, audit and e-mail queued) and before its
 * transaction commits, it prints {@value #IN_THE_MIDDLE} and waits to be killed. With {@code --go-file=PATH} it
 * prints {@value #READY} once started and begins when that file appears (see {@link CrashableProcess}).
 */
public final class BillingProcess {

    static final String IN_THE_MIDDLE = "BILLING IN THE MIDDLE";
    static final String DONE = "BILLING DONE";
    static final String READY = "BILLING READY";

    private BillingProcess() {}

    public static void main(String[] args) throws Exception {
        UUID tenant = UUID.fromString(CrashableProcess.option(args, "tenant"));
        Instant now = Instant.parse(CrashableProcess.option(args, "now"));
        CrashableProcess.run(
                args,
                InvoiceIssued.class,
                "stop-at-invoice",
                InvoiceIssued::number,
                new CrashableProcess.Markers(IN_THE_MIDDLE, READY),
                context -> DONE + " "
                        + context.getBean(BillingRun.class).bill(tenant, now).issued() + " invoices");
    }
}

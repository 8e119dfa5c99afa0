package id.lapak.settlement;

import id.lapak.billing.settlement.DayWritten;
import id.lapak.billing.settlement.SettlementCloser;
import id.lapak.testing.CrashableProcess;
import java.time.Instant;
import java.util.UUID;

/**
 * A separate Lapak process for {@link SettlementCrashIntegrationTest}: the whole application on the test's
 * database, closing one tenant's due days once and exiting. With {@code --stop-at-day=N} it stops in the middle of
 * closing a day: when the N-th day's batch has been written (its settlement posting and payout included) and before
 * that day's transaction commits, it prints {@value #IN_THE_MIDDLE} and waits to be killed. With {@code --go-file=PATH} it
 * prints {@value #READY} once started and begins when that file appears (see {@link CrashableProcess}).
 */
public final class CloseOfDayProcess {

    static final String IN_THE_MIDDLE = "CLOSE-OF-DAY IN THE MIDDLE";
    static final String DONE = "CLOSE-OF-DAY DONE";
    static final String READY = "CLOSE-OF-DAY READY";

    private CloseOfDayProcess() {}

    public static void main(String[] args) throws Exception {
        UUID tenant = UUID.fromString(CrashableProcess.option(args, "tenant"));
        Instant now = Instant.parse(CrashableProcess.option(args, "now"));
        CrashableProcess.run(
                args,
                DayWritten.class,
                "stop-at-day",
                closed -> closed.businessDay().toString(),
                new CrashableProcess.Markers(IN_THE_MIDDLE, READY),
                context -> {
                    SettlementCloser.Outcome outcome =
                            context.getBean(SettlementCloser.class).close(tenant, now);
                    return DONE + " " + outcome.daysClosed() + " days " + outcome.batches() + " batches";
                });
    }
}

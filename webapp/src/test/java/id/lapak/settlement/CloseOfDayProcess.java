package id.lapak.settlement;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import id.lapak.LapakApplication;
import id.lapak.billing.settlement.BatchClosed;
import id.lapak.billing.settlement.SettlementCloser;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

/**
 * A separate Lapak process for {@link SettlementCrashIntegrationTest}: the whole application on the test's
 * database, closing one tenant's due days once and exiting. With {@code --stop-at-batch=N} it stops in the middle of
 * closing a day: when the N-th batch has been written (its lines, ledger and payout included) and before that day's
 * transaction commits, it prints {@value #IN_THE_MIDDLE} and waits to be killed. With {@code --go-file=PATH} it
 * prints {@value #READY} once started and begins when that file appears, so another node can start at the same
 * moment.
 */
public final class CloseOfDayProcess {

    static final String IN_THE_MIDDLE = "CLOSE-OF-DAY IN THE MIDDLE";
    static final String DONE = "CLOSE-OF-DAY DONE";
    static final String READY = "CLOSE-OF-DAY READY";

    private CloseOfDayProcess() {
    }

    public static void main(String[] args) throws Exception {
        UUID tenant = UUID.fromString(option(args, "tenant"));
        Instant now = Instant.parse(option(args, "now"));
        String stop = option(args, "stop-at-batch");
        int stopAt = stop == null ? Integer.MAX_VALUE : Integer.parseInt(stop);
        AtomicInteger batches = new AtomicInteger();
        SpringApplication application = new SpringApplication(LapakApplication.class);
        application.addListeners((ApplicationListener<ApplicationEvent>) event -> {
            if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof BatchClosed closed
                    && batches.incrementAndGet() == stopAt) {
                System.out.println(IN_THE_MIDDLE + " " + closed.businessDay());
                System.out.flush();
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        try (ConfigurableApplicationContext context = application.run(args)) {
            String go = option(args, "go-file");
            if (go != null) {
                System.out.println(READY);
                System.out.flush();
                while (!java.nio.file.Files.exists(java.nio.file.Path.of(go))) {
                    Thread.sleep(20);
                }
            }
            SettlementCloser.Outcome outcome = context.getBean(SettlementCloser.class).close(tenant, now);
            System.out.println(DONE + " " + outcome.daysClosed() + " days " + outcome.batches() + " batches");
            System.out.flush();
        }
        System.exit(0);
    }

    private static String option(String[] args, String name) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return arg.substring(name.length() + 3);
            }
        }
        return null;
    }
}

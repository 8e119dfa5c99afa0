package id.lapak.billing.subscription;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import id.lapak.LapakApplication;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

/**
 * A separate Lapak process for {@link TenantBillingCrashIntegrationTest}: the whole application on the test's
 * database, billing one tenant's ended months once and exiting. With {@code --stop-at-invoice=N} it stops in the
 * middle: when the N-th invoice has been written (number taken, lines, audit and e-mail queued) and before its
 * transaction commits, it prints {@value #IN_THE_MIDDLE} and waits to be killed. With {@code --go-file=PATH} it
 * prints {@value #READY} once started and begins when that file appears, so another node can start at the same
 * moment.
 */
public final class BillingProcess {

    static final String IN_THE_MIDDLE = "BILLING IN THE MIDDLE";
    static final String DONE = "BILLING DONE";
    static final String READY = "BILLING READY";

    private BillingProcess() {
    }

    public static void main(String[] args) throws Exception {
        UUID tenant = UUID.fromString(option(args, "tenant"));
        Instant now = Instant.parse(option(args, "now"));
        String stop = option(args, "stop-at-invoice");
        int stopAt = stop == null ? Integer.MAX_VALUE : Integer.parseInt(stop);
        AtomicInteger invoices = new AtomicInteger();
        SpringApplication application = new SpringApplication(LapakApplication.class);
        application.addListeners((ApplicationListener<ApplicationEvent>) event -> {
            if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof InvoiceIssued i
                    && invoices.incrementAndGet() == stopAt) {
                System.out.println(IN_THE_MIDDLE + " " + i.number());
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
            BillingRun.Outcome outcome = context.getBean(BillingRun.class).bill(tenant, now);
            System.out.println(DONE + " " + outcome.issued() + " invoices");
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

package id.lapak.testing;

import id.lapak.LapakApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

/**
 * The main of a separate Lapak process that crash tests kill: the whole application on the test's database, doing
 * one piece of work and exiting. With {@code --<stopOption>=N} it stops in the middle: when the N-th event of a
 * type has been published (its transaction not committed yet) it prints a marker line and waits to be killed. With
 * {@code --go-file=PATH} it prints its ready marker once started and begins when that file appears, so another
 * node can start at the same moment.
 */
public final class CrashableProcess {

    private CrashableProcess() {}

    /** Where to stop and what to print: the marker lines the test waits for. */
    public record Markers(String inTheMiddle, String ready) {}

    public static <E> void run(
            String[] args,
            Class<E> event,
            String stopOption,
            Function<E, String> describe,
            Markers markers,
            Function<ConfigurableApplicationContext, String> work)
            throws Exception {
        String stop = option(args, stopOption);
        int stopAt = stop == null ? Integer.MAX_VALUE : Integer.parseInt(stop);
        AtomicInteger seen = new AtomicInteger();
        SpringApplication application = new SpringApplication(LapakApplication.class);
        application.addListeners((ApplicationListener<ApplicationEvent>) published -> {
            if (published instanceof PayloadApplicationEvent<?> payload
                    && event.isInstance(payload.getPayload())
                    && seen.incrementAndGet() == stopAt) {
                System.out.println(markers.inTheMiddle() + " " + describe.apply(event.cast(payload.getPayload())));
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
                System.out.println(markers.ready());
                System.out.flush();
                while (!Files.exists(Path.of(go))) {
                    Thread.sleep(20);
                }
            }
            System.out.println(work.apply(context));
            System.out.flush();
        }
        System.exit(0);
    }

    /** The value of {@code --name=value} among {@code args}, or null. */
    public static String option(String[] args, String name) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return arg.substring(name.length() + 3);
            }
        }
        return null;
    }
}

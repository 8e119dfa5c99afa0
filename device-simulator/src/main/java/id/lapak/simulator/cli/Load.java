package id.lapak.simulator.cli;

import com.sun.management.OperatingSystemMXBean;
import id.lapak.simulator.ApiException;
import id.lapak.simulator.DeviceClient;
import id.lapak.simulator.DeviceHome;
import id.lapak.simulator.DeviceNetworkException;
import id.lapak.simulator.PaymentDraft;
import id.lapak.simulator.PaymentReply;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Payments as load from several paired devices in one process: a warm-up that is not measured, then the measured
 * payments, each with its own idempotency key, encrypted under its device's reader key at a counter of its own.
 * Counters are reserved in blocks and the parsed token and reader key are kept, so the generator spends its time on
 * what a device really does per payment: derive the data key, encrypt, build the request, send it, read the answer.
 */
final class Load {

    /** One device of the load: its client and the counters reserved for it. */
    private static final class Device {
        private final DeviceHome home;
        private final DeviceClient client;
        private final String currency;
        private final List<PaymentDraft.Line> lines;
        private long[] counters = new long[0];
        private int next;

        Device(DeviceHome home, DeviceClient client, String currency, List<PaymentDraft.Line> lines) {
            this.home = home;
            this.client = client;
            this.currency = currency;
            this.lines = lines;
        }

        synchronized long counter() {
            if (next == counters.length) {
                counters = home.reserveTransactionCounters(1_000);
                next = 0;
            }
            return counters[next++];
        }
    }

    /** What one phase measured. */
    record Phase(int count, double seconds, long[] latenciesNanos, Map<String, Integer> outcomes, long cpuNanos) {

        double perSecond() {
            return count / seconds;
        }

        double percentileMillis(double p) {
            return latenciesNanos[Math.min(count - 1, (int) (count * p))] / 1e6;
        }
    }

    private final List<Device> devices = new ArrayList<>();
    /** Each load thread's own kept-alive connection per server (plain http only). */
    private final ThreadLocal<Map<URI, Http1Connection>> connections = ThreadLocal.withInitial(HashMap::new);

    private final long amount;
    private final String pan;
    private final String expiryYyMm;
    private final String entry;
    private final String track2;

    /**
     * @param variants no variant: custom amounts without lines; one: every device sells it; one per home: the
     *                 device of the i-th home sells the i-th variant. Each payment is one line of quantity 1 at
     *                 {@code amount}.
     */
    Load(
            List<DeviceHome> homes,
            List<UUID> variants,
            Function<DeviceHome, String> currencyOf,
            long amount,
            String pan,
            String expiryYyMm,
            String entry,
            String track2) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        for (DeviceHome home : homes) {
            if (home.readerKey().isEmpty()) {
                throw new IllegalStateException(home + " holds no reader key; run keys first");
            }
            DeviceClient client = new DeviceClient(home.pairing().server(), home, http, Clock.systemUTC());
            client.accessToken();
            List<PaymentDraft.Line> lines = variants.isEmpty()
                    ? List.of()
                    : List.of(new PaymentDraft.Line(
                            variants.get(variants.size() == 1 ? 0 : devices.size()), "Load", 1, amount, 0, amount));
            devices.add(new Device(home, client, currencyOf.apply(home), lines));
        }
        this.amount = amount;
        this.pan = pan;
        this.expiryYyMm = expiryYyMm;
        this.entry = entry;
        this.track2 = track2;
    }

    /** Sends {@code count} payments from {@code concurrency} threads, the devices taking turns. */
    Phase run(int count, int concurrency) {
        var outcomes = new ConcurrentHashMap<String, AtomicInteger>();
        long[] latencies = new long[count];
        var next = new AtomicInteger();
        var cpu = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = cpu.getProcessCpuTime();
        long started = System.nanoTime();
        try (var pool = Executors.newFixedThreadPool(concurrency)) {
            for (int t = 0; t < concurrency; t++) {
                pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < count) {
                        Device device = devices.get(i % devices.size());
                        long begin = System.nanoTime();
                        String outcome;
                        try {
                            PaymentDraft draft = new PaymentDraft(
                                    UUID.randomUUID().toString(),
                                    amount,
                                    device.currency,
                                    0,
                                    device.lines,
                                    null,
                                    entry,
                                    null,
                                    false,
                                    pan,
                                    expiryYyMm,
                                    track2);
                            String json = device.client.paymentJson(draft, device.counter());
                            outcome = send(device, json);
                        } catch (ApiException e) {
                            outcome = "refused " + e.status() + " " + e.reason();
                        } catch (DeviceNetworkException | IOException e) {
                            connections.get().values().forEach(Http1Connection::close);
                            connections.remove();
                            outcome = "network error";
                        }
                        latencies[i] = System.nanoTime() - begin;
                        outcomes.computeIfAbsent(String.valueOf(outcome), k -> new AtomicInteger())
                                .incrementAndGet();
                    }
                });
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long cpuNanos = cpu.getProcessCpuTime() - cpuBefore;
        Arrays.sort(latencies);
        Map<String, Integer> counted = new TreeMap<>();
        outcomes.forEach((outcome, n) -> counted.put(outcome, n.get()));
        return new Phase(count, seconds, latencies, counted, cpuNanos);
    }

    /** Sends one payment body: on this thread's own connection for http, through the device client for https. */
    private String send(Device device, String json) throws IOException {
        URI server = device.client.server();
        if (!"http".equalsIgnoreCase(server.getScheme())) {
            return device.client.sendPayment(json).outcome();
        }
        Http1Connection connection = connections.get().computeIfAbsent(server, Http1Connection::new);
        Http1Connection.Answer answer = connection.post(
                server.getRawPath().replaceAll("/$", "") + DeviceClient.PAYMENTS, device.client.accessToken(), json);
        if (answer.status() >= 200 && answer.status() < 300) {
            return new PaymentReply(answer.status(), answer.body()).outcome();
        }
        return "refused " + answer.status();
    }

    static void print(PrintStream out, Phase phase, int concurrency, int devices) {
        out.printf(
                Locale.ROOT,
                "%d payments in %.2f s: %.1f per second (concurrency %d, %d devices)%n",
                phase.count(),
                phase.seconds(),
                phase.perSecond(),
                concurrency,
                devices);
        out.printf(
                Locale.ROOT,
                "latency ms: p50 %.1f, p95 %.1f, p99 %.1f, max %.1f%n",
                phase.percentileMillis(0.5),
                phase.percentileMillis(0.95),
                phase.percentileMillis(0.99),
                phase.latenciesNanos()[phase.count() - 1] / 1e6);
        out.printf(Locale.ROOT, "generator CPU: %.3f ms per payment%n", phase.cpuNanos() / 1e6 / phase.count());
        phase.outcomes().forEach((outcome, n) -> out.println(outcome + ": " + n));
    }

    static boolean allAnswered(Phase phase) {
        return phase.outcomes().keySet().stream().noneMatch(o -> o.startsWith("refused") || o.startsWith("network"));
    }
}

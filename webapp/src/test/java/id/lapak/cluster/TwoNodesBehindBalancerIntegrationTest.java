package id.lapak.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import id.lapak.billing.gateway.sandbox.SandboxTestCard;
import id.lapak.billing.sale.SaleFilter;
import id.lapak.billing.sale.SaleStatus;
import id.lapak.billing.sale.SaleSummary;
import id.lapak.billing.sale.SalesService;
import id.lapak.device.DeviceService;
import id.lapak.device.pairing.PairingCodes;
import id.lapak.simulator.ApiException;
import id.lapak.simulator.DeviceClient;
import id.lapak.simulator.DeviceFacts;
import id.lapak.simulator.DeviceHome;
import id.lapak.simulator.DeviceNetworkException;
import id.lapak.simulator.PaymentDraft;
import id.lapak.simulator.PaymentReply;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.store.StoreService;
import id.lapak.testing.SameSecurityContextStrategy;
import id.lapak.testing.SecondNode;
import id.lapak.testing.TestMerchants;
import id.lapak.testing.TestMerchants.Merchant;
import id.lapak.testing.TestUsers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Two Lapak nodes on one PostgreSQL behind HAProxy (Debian's {@code haproxy}): node A is this test's application,
 * node B a separate JVM of the same application that the test kills with {@code kill -9}. The balancer sends the
 * device API round robin and keeps a portal session on its node (a cookie). Shown here: devices pair through one node
 * and work through either; a revocation on node A is refused on node B at the next request; portal sessions stay on
 * their node; killing node B while eight devices pay (retrying with their idempotency keys, as the device API asks)
 * records every payment exactly once, leaves none undecided, and the clustered jobs carry on on node A.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "lapak.keys.master-keystore=target/test-keys/two-nodes-master-key.p12",
            "spring.quartz.auto-startup=true",
            "spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval=2000",
            "lapak.payments.lease=PT4S",
            "lapak.payments.duplicate-wait=PT3S",
            "lapak.payments.reversal-sweep.interval=PT2S",
            "lapak.payments.reversal-sweep.grace=PT2S"
        })
@ActiveProfiles("test")
@ExtendWith(SameSecurityContextStrategy.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesBehindBalancerIntegrationTest {

    private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");
    private static final int WORKERS = 8;

    @LocalServerPort
    int portA;

    @Value("${spring.datasource.url}")
    String databaseUrl;

    @Value("${lapak.keys.master-keystore}")
    String masterKeystore;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    StoreService stores;

    @Autowired
    PairingCodes codes;

    @Autowired
    DeviceService devices;

    @Autowired
    SalesService sales;

    @Autowired
    DataSource dataSource;

    @Autowired
    Scheduler scheduler;

    Process nodeB;
    List<String> schedulersBeforeNodeB;
    Process balancer;
    int portB;
    int balancerPort;
    Path work;
    Merchant merchant;
    final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @BeforeAll
    void startNodeBAndTheBalancer() throws Exception {
        assumeTrue(Files.isExecutable(HAPROXY), "HAProxy is needed: apt-get install haproxy");
        work = Files.createTempDirectory("lapak-two-nodes");
        portB = freePort();
        balancerPort = freePort();
        schedulersBeforeNodeB = allSchedulerInstances();
        nodeB = startNodeB();
        awaitHealthy(URI.create("http://localhost:" + portB), nodeB, Duration.ofMinutes(4));
        balancer = startBalancer();
        awaitHealthy(URI.create("http://localhost:" + balancerPort), balancer, Duration.ofSeconds(30));
        merchant = TestMerchants.create(tenants, stores, "Dua Node");
    }

    @AfterAll
    void stopEverything() {
        if (balancer != null) {
            balancer.destroyForcibly();
        }
        if (nodeB != null) {
            nodeB.destroyForcibly();
        }
    }

    @Test
    @Order(1)
    void aDevicePairsThroughTheBalancerAndWorksThroughEitherNode() throws Exception {
        DeviceClient viaBalancer = pairThroughBalancer("RD-EITHER");
        DeviceClient viaA = new DeviceClient(node(portA), viaBalancer.home());
        DeviceClient viaB = new DeviceClient(node(portB), viaBalancer.home());

        long version = viaA.config().version();
        // Node B answers from the same configuration: not modified for the ETag node A gave.
        assertThat(viaB.config()).satisfies(config -> {
            assertThat(config.status()).isEqualTo(304);
            assertThat(config.version()).isEqualTo(version);
        });
        assertThat(viaA.heartbeat(id.lapak.simulator.Heartbeat.typical("1.2.0")).status())
                .isEqualTo(202);
        assertThat(viaB.heartbeat(id.lapak.simulator.Heartbeat.typical("1.2.0")).status())
                .isEqualTo(202);
        PaymentReply paidOnB = viaB.pay(PaymentDraft.of(12_000, "IDR", SandboxTestCard.VISA_APPROVED.pan(), "3012"));
        assertThat(paidOnB.outcome()).isEqualTo("APPROVED");
        assertThat(viaA.payment(paidOnB.paymentId()).body().path("paymentId").asString())
                .isEqualTo(paidOnB.paymentId().toString());

        Set<String> servedBy = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            servedBy.add(get("/api/device/v1/time", null)
                    .headers()
                    .firstValue("X-Lapak-Node")
                    .orElse("?"));
        }
        assertThat(servedBy).as("the device API is balanced round robin").containsExactlyInAnyOrder("a", "b");
    }

    @Test
    @Order(2)
    void aRevocationOnNodeAIsRefusedOnNodeBAtTheNextRequest() throws Exception {
        DeviceClient viaBalancer = pairThroughBalancer("RD-REVOKED");
        DeviceClient viaB = new DeviceClient(node(portB), viaBalancer.home());
        assertThat(viaB.config().status()).isIn(200, 304);
        UUID deviceId = viaBalancer.home().pairing().deviceId();

        TestUsers.run(merchant.admin(), () -> devices.revoke(deviceId, "lost in the market"));

        Instant deadline = Instant.now().plusSeconds(5);
        ApiException refused = null;
        while (refused == null && Instant.now().isBefore(deadline)) {
            try {
                viaB.config();
                Thread.sleep(50);
            } catch (ApiException e) {
                refused = e;
            }
        }
        assertThat(refused).as("node B refuses the device revoked on node A").isNotNull();
        assertThat(refused.status()).isEqualTo(401);
    }

    @Test
    @Order(3)
    void aPortalSessionStaysOnItsNode() throws Exception {
        HttpResponse<String> first = get("/", null);
        String node = first.headers().firstValue("X-Lapak-Node").orElseThrow();
        String cookie = first.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("LAPAK_NODE="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElseThrow();
        for (int i = 0; i < 6; i++) {
            assertThat(get("/", cookie).headers().firstValue("X-Lapak-Node")).hasValue(node);
        }
    }

    @Test
    @Order(4)
    void killingNodeBWhileEightDevicesPayRecordsEveryPaymentExactlyOnce() throws Exception {
        List<DeviceClient> fleet = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            fleet.add(pairThroughBalancer("RD-LOAD-" + i));
        }
        String nodeA = scheduler.getSchedulerInstanceId();
        assertThat(schedulerInstances()).as("node A's scheduler is checked in").contains(nodeA);
        String nodeBInstance = null;
        for (int i = 0; i < 40 && nodeBInstance == null; i++) {
            nodeBInstance = schedulerInstances().stream()
                    .filter(name -> !name.equals(nodeA) && !schedulersBeforeNodeB.contains(name))
                    .findFirst()
                    .orElse(null);
            Thread.sleep(i == 0 ? 0 : 500);
        }
        assertThat(nodeBInstance).as("node B's scheduler is checked in").isNotNull();

        Map<String, PaymentReply> answers = new ConcurrentHashMap<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger retries = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (DeviceClient device : fleet) {
            workers.add(Thread.ofPlatform().start(() -> {
                try {
                    while (!stop.get()) {
                        PaymentDraft draft =
                                PaymentDraft.of(10_000, "IDR", SandboxTestCard.VISA_APPROVED.pan(), "3012");
                        String json = device.paymentJson(draft);
                        answers.put(draft.idempotencyKey(), payUntilAnswered(device, json, retries));
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        awaitAtLeast(answers, 3 * WORKERS, Duration.ofSeconds(60));
        nodeB.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        Instant killedAt = Instant.now();
        int answeredBeforeKill = answers.size();
        awaitAtLeast(answers, answeredBeforeKill + 4 * WORKERS, Duration.ofSeconds(90));
        stop.set(true);
        for (Thread worker : workers) {
            worker.join(Duration.ofSeconds(90));
        }

        assertThat(failures).as("payments without an answer").isEmpty();
        List<SaleSummary> recorded = recordedSales();
        Set<UUID> answeredIds = new HashSet<>();
        answers.values().forEach(reply -> answeredIds.add(reply.paymentId()));
        assertThat(answeredIds).as("one payment id per idempotency key").hasSize(answers.size());
        assertThat(recorded)
                .as("every payment recorded exactly once")
                .extracting(SaleSummary::id)
                .containsExactlyInAnyOrderElementsOf(answeredIds);
        assertThat(recorded)
                .as("no payment left undecided")
                .noneMatch(s -> s.status() == SaleStatus.PENDING || s.status() == SaleStatus.REVERSAL_PENDING);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (PaymentReply reply : answers.values()) {
            Integer authorizations = jdbc.queryForObject(
                    "select count(*) from sandbox_journal "
                            + "where operation = 'AUTHORIZE' and success and request_id = ?",
                    Integer.class,
                    reply.paymentId().toString());
            Integer reversals = jdbc.queryForObject(
                    "select count(*) from sandbox_journal "
                            + "where operation = 'REVERSAL' and success and request_id like ?",
                    Integer.class,
                    "%" + reply.paymentId() + "%");
            if ("APPROVED".equals(reply.outcome())) {
                assertThat(authorizations)
                        .as("an approved payment is authorized once")
                        .isEqualTo(1);
                assertThat(reversals).as("and not reversed").isZero();
            } else {
                assertThat(authorizations - reversals)
                        .as("a payment not approved holds no money: %s", reply.json())
                        .isZero();
            }
        }

        Instant deadline = Instant.now().plusSeconds(60);
        while (allSchedulerInstances().contains(nodeBInstance) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        assertThat(allSchedulerInstances())
                .as("node A's scheduler took over node B's")
                .doesNotContain(nodeBInstance)
                .contains(nodeA);
        long sweptAfterKill = 0;
        while (sweptAfterKill <= killedAt.toEpochMilli() && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            Long last = jdbc.queryForObject(
                    "select max(prev_fire_time) from qrtz_triggers "
                            + "where trigger_name = 'payments-reversal-sweep-repeating'",
                    Long.class);
            sweptAfterKill = last == null ? 0 : last;
        }
        assertThat(sweptAfterKill)
                .as("the reversal sweep fires on the surviving node")
                .isGreaterThan(killedAt.toEpochMilli());
        System.out.printf(
                "two nodes: %d payments answered (%d before the kill), %d retries%n",
                answers.size(), answeredBeforeKill, retries.get());
    }

    private PaymentReply payUntilAnswered(DeviceClient device, String json, AtomicInteger retries)
            throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(90);
        while (true) {
            try {
                return device.sendPayment(json);
            } catch (DeviceNetworkException e) {
                // The node died with the request: send the same payment again.
            } catch (ApiException e) {
                if (e.status() < 500 && e.status() != 409) {
                    throw e;
                }
            }
            retries.incrementAndGet();
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no answer within 90 s for " + json.length() + " bytes of payment");
            }
            Thread.sleep(200);
        }
    }

    private List<SaleSummary> recordedSales() {
        return TestUsers.as(
                        merchant.admin(),
                        () -> sales.search(
                                        new SaleFilter(
                                                null,
                                                null,
                                                merchant.store().id(),
                                                null,
                                                null,
                                                null,
                                                null,
                                                null,
                                                null,
                                                null),
                                        PageRequest.of(0, 5000))
                                .getContent())
                .stream()
                .filter(s -> s.amountMinor() == 10_000)
                .toList();
    }

    /** The schedulers that checked in within the last 10 seconds (other test contexts' stale rows left out). */
    private List<String> schedulerInstances() {
        return new JdbcTemplate(dataSource)
                .queryForList(
                        "select instance_name from qrtz_scheduler_state " + "where last_checkin_time > ?",
                        String.class,
                        System.currentTimeMillis() - 10_000);
    }

    private List<String> allSchedulerInstances() {
        return new JdbcTemplate(dataSource)
                .queryForList("select instance_name from qrtz_scheduler_state", String.class);
    }

    private DeviceClient pairThroughBalancer(String reader) throws IOException {
        String code = TestUsers.as(
                        merchant.admin(), () -> codes.create(merchant.store().id(), null))
                .displayCode();
        DeviceClient device =
                new DeviceClient(node(balancerPort), new DeviceHome(Files.createTempDirectory(work, "device")));
        device.pair(code, new DeviceFacts("Sunmi V2", "SN-" + UUID.randomUUID(), "Android 14", "1.2.0", "R1", reader));
        device.requestReaderKey(reader, "AES128");
        return device;
    }

    private HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(node(balancerPort).resolve(path)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Process startNodeB() throws IOException {
        return SecondNode.start(
                        portB,
                        databaseUrl,
                        Path.of(masterKeystore),
                        work,
                        "--spring.quartz.auto-startup=true",
                        "--spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval=2000",
                        "--lapak.payments.lease=PT4S",
                        "--lapak.payments.duplicate-wait=PT3S",
                        "--lapak.payments.reversal-sweep.interval=PT2S",
                        "--lapak.payments.reversal-sweep.grace=PT2S")
                .process();
    }

    private Process startBalancer() throws IOException {
        String config = """
                global
                    maxconn 512
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 60s
                    timeout server 60s
                    option redispatch
                    retries 2
                frontend lapak
                    bind 127.0.0.1:%1$d
                    acl device_api path_beg /api/device/
                    use_backend devices if device_api
                    default_backend portal
                backend devices
                    balance roundrobin
                    option httpchk GET /actuator/health
                    default-server inter 500ms fall 2 rise 2
                    http-response set-header X-Lapak-Node %%s
                    server a 127.0.0.1:%2$d check
                    server b 127.0.0.1:%3$d check
                backend portal
                    balance roundrobin
                    cookie LAPAK_NODE insert indirect nocache httponly
                    option httpchk GET /actuator/health
                    default-server inter 500ms fall 2 rise 2
                    http-response set-header X-Lapak-Node %%s
                    server a 127.0.0.1:%2$d check cookie a
                    server b 127.0.0.1:%3$d check cookie b
                """.formatted(balancerPort, portA, portB);
        Path file = work.resolve("haproxy.cfg");
        Files.writeString(file, config);
        return new ProcessBuilder(HAPROXY.toString(), "-db", "-f", file.toString())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("haproxy.out").toFile())
                .start();
    }

    private void awaitHealthy(URI base, Process process, Duration limit) throws Exception {
        SecondNode.awaitHealthy(base, process, work, limit);
    }

    private static void awaitAtLeast(Map<String, PaymentReply> answers, int count, Duration limit)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (answers.size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(answers.size()).as("payments answered").isGreaterThanOrEqualTo(count);
    }

    private static URI node(int port) {
        return URI.create("http://localhost:" + port);
    }

    private static int freePort() throws IOException {
        return SecondNode.freePort();
    }
}

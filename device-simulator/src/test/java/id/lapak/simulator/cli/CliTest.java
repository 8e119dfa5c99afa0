package id.lapak.simulator.cli;

import static id.lapak.simulator.FakeDeviceServer.Response.json;
import static id.lapak.simulator.FakeDeviceServer.Response.problem;
import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.simulator.DeviceClient;
import id.lapak.simulator.FakeDeviceServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CliTest {

    private static final String DEVICE_ID = "0b9e2f4c-7c51-4c8e-9d0a-5a1d2e3f4a5b";

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final FakeDeviceServer server = new FakeDeviceServer()
            .on("POST", DeviceClient.PAIRINGS, request -> json(201, """
                    {"deviceId":"%s","tenantId":"1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",\
                    "storeId":"2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a","name":"Kasir 1",\
                    "tokenAudience":"lapak-device-token"}""".formatted(DEVICE_ID)))
            .on(
                    "POST",
                    DeviceClient.TOKEN,
                    request -> json(200, "{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":600}"));

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "fly",
                "status --colour",
                "status extra",
                "pair --code K7M2PQ9X",
                "pair --server localhost:8080 --code K7M2PQ9X",
                "pair --server ftp://example.com --code K7M2PQ9X",
                "pair --server http://localhost:8080",
                "heartbeat --battery",
                "heartbeat --battery abc",
                "heartbeat --battery 101",
                "heartbeat --connectivity SATELLITE",
                "heartbeat --charging=yes",
                "run --interval 0",
                "run --count 1 --count 2",
            })
    void wrongUsageExitsWith64(String line) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        // a paired home, so heartbeat/run reach their own argument checks
        if (line.startsWith("heartbeat") || line.startsWith("run")) {
            pair(home());
            err.reset();
        }

        int status = cli().run(withHome(args));

        assertThat(status).isEqualTo(64);
        assertThat(err.toString(StandardCharsets.UTF_8)).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "--help",
                "help",
                "pair --help",
                "token -h",
                "config --help",
                "heartbeat --help",
                "run --help",
                "status --help",
                "help run"
            })
    void helpExitsWithZero(String line) {
        assertThat(cli().run(line.split(" "))).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: lapak-device");
    }

    @Test
    void statusOfAnEmptyHomeSaysSoWithoutCreatingIt() {
        Path home = temp.resolve("empty");

        assertThat(cli().run("status", "--home", home.toString())).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("not paired");
        assertThat(home).doesNotExist();
    }

    @Test
    void pairThenStatusShowsTheDeviceAndAHomeIsNotPairedTwiceWithoutForce() {
        Path home = home();

        assertThat(pair(home)).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("paired device " + DEVICE_ID);

        assertThat(pair(home)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--force");
        assertThat(cli().run(
                                "pair",
                                "--server",
                                server.uri().toString(),
                                "--code",
                                "K7M2PQ9X",
                                "--force",
                                "--home",
                                home.toString()))
                .isEqualTo(0);

        out.reset();
        assertThat(cli().run("token", "--quiet", "--home", home.toString())).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("token ok, expires in 600 s");

        out.reset();
        assertThat(cli().run("status", "--home", home.toString())).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains(
                        DEVICE_ID,
                        server.uri().toString(),
                        "2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a",
                        "expires",
                        "none cached");
    }

    @Test
    void aRefusalPrintsTheProblemAndExitsWith2() throws Exception {
        Path home = home();
        pair(home);
        server.on(
                "POST",
                DeviceClient.HEARTBEATS,
                request -> problem(401, "Unauthorized", "This device was revoked.", "device_revoked"));
        err.reset();

        assertThat(cli().run("heartbeat", "--home", home.toString())).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("401", "Unauthorized", "This device was revoked.", "device_revoked");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .doesNotContain(Files.readString(home.resolve("device.key")).strip());
    }

    @Test
    void anUnreachableServerExitsWith3() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        int status = cli().run(
                        "pair",
                        "--server",
                        "http://127.0.0.1:" + closedPort,
                        "--code",
                        "K7M2PQ9X",
                        "--home",
                        home().toString());

        assertThat(status).isEqualTo(3);
    }

    @Test
    void configSaysUnchangedOnA304() {
        Path home = home();
        pair(home);
        server.on(
                "GET",
                DeviceClient.CONFIG,
                request -> "\"v7\"".equals(request.header("If-None-Match"))
                        ? new FakeDeviceServer.Response(304, Map.of("ETag", "\"v7\""), null)
                        : new FakeDeviceServer.Response(
                                200, Map.of("ETag", "\"v7\"", "Content-Type", "application/json"), "{\"version\":7}"));

        assertThat(cli().run("config", "--home", home.toString())).isEqualTo(0);
        out.reset();
        assertThat(cli().run("config", "--home", home.toString())).isEqualTo(0);

        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("config unchanged (version 7)")
                .contains("\"version\" : 7");
    }

    @Test
    void runPullsTheConfigOnlyWhenTheServersVersionDiffers() {
        Path home = home();
        pair(home);
        server.on(
                "POST",
                DeviceClient.HEARTBEATS,
                request -> json(202, "{\"serverTime\":\"2026-11-25T14:00:00Z\",\"configVersion\":7}"));
        server.on(
                "GET",
                DeviceClient.CONFIG,
                request -> new FakeDeviceServer.Response(
                        200, Map.of("ETag", "\"v7\"", "Content-Type", "application/json"), "{\"version\":7}"));

        int status = cli().run("run", "--interval", "1", "--count", "2", "--home", home.toString());

        assertThat(status).isEqualTo(0);
        assertThat(server.requests(DeviceClient.HEARTBEATS)).hasSize(2);
        assertThat(server.requests(DeviceClient.CONFIG)).hasSize(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("stopped after 2 heartbeats");
    }

    @Test
    void encryptCardPrintsKsnIvAndCiphertextAsJsonButNeverThePan() throws Exception {
        pair(home());
        new id.lapak.simulator.DeviceHome(home())
                .saveReaderKey(new id.lapak.simulator.ReaderKey(
                        "AES128", 1, "1234567890123456", "000000", "RD-1", "d1", "1273671EA26AC29AFA4D1084127652A1"));
        out.reset();

        int status = cli().run(
                        "encrypt-card",
                        "--counter",
                        "5",
                        "--pan",
                        "4761739001010010",
                        "--expiry",
                        "2212",
                        "--home",
                        home().toString());

        assertThat(status).isZero();
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).doesNotContain("4761739001010010").doesNotContain("476173");
        var json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(printed);
        assertThat(json.path("algorithm").asString()).isEqualTo("AES128");
        assertThat(json.path("ksn").asString()).isEqualTo("123456789012345600000005");
        assertThat(java.util.Base64.getDecoder().decode(json.path("iv").asString()))
                .hasSize(16);
        assertThat(java.util.Base64.getDecoder().decode(json.path("ciphertext").asString()))
                .hasSize(16);

        err.reset();
        assertThat(cli().run(
                                "encrypt-card",
                                "--counter",
                                "5",
                                "--pan",
                                "47617390A1010010",
                                "--expiry",
                                "2212",
                                "--home",
                                home().toString()))
                .isEqualTo(64);
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("47617390A1010010");
    }

    @Test
    void loadSendsEveryPaymentOnceWithItsOwnKeyAndCounterFromEveryHome() throws Exception {
        Path first = temp.resolve("first");
        Path second = temp.resolve("second");
        loadHomes(first, second);
        var declines = new java.util.concurrent.atomic.AtomicInteger();
        server.on(
                "POST",
                DeviceClient.PAYMENTS,
                request -> declines.incrementAndGet() % 5 == 0
                        ? problem(409, "Conflict", "in progress", "payment_in_progress")
                        : json(201, "{\"outcome\":\"APPROVED\",\"status\":\"CAPTURED\"}"));
        out.reset();
        err.reset();

        int status = cli().run(
                        "load",
                        "--homes",
                        first + "," + second,
                        "--amount",
                        "10000",
                        "--warmup",
                        "5",
                        "--count",
                        "20",
                        "--concurrency",
                        "3");

        assertThat(status).as("a refusal among the answers is reported as such").isEqualTo(2);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("20 payments in", "generator CPU:", "APPROVED: 16", "refused 409: 4");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("warm-up: 5 payments");
        var payments = server.requests(DeviceClient.PAYMENTS);
        assertThat(payments).hasSize(25);
        var mapper = tools.jackson.databind.json.JsonMapper.builder().build();
        var keys = new java.util.HashSet<String>();
        var ksns = new java.util.HashSet<String>();
        for (var payment : payments) {
            assertThat(payment.header("Authorization")).isEqualTo("Bearer t");
            assertThat(payment.body()).doesNotContain("4111111111111111");
            var body = mapper.readTree(payment.body());
            keys.add(body.path("idempotencyKey").asString());
            ksns.add(body.path("card").path("ksn").asString());
        }
        assertThat(keys).as("one idempotency key per payment").hasSize(25);
        // both homes share the same initial key ID here, so a KSN may repeat once across them, never within one
        assertThat(ksns.size()).isGreaterThanOrEqualTo(13);
        assertThat(Long.parseLong(
                        Files.readString(first.resolve("reader-counter.txt")).strip()))
                .as("counters are reserved in blocks and never handed out twice")
                .isGreaterThanOrEqualTo(12);
    }

    @Test
    void loadSellsOneCatalogLinePerPaymentOneVariantForAllOrOnePerHome() throws Exception {
        Path first = temp.resolve("first");
        Path second = temp.resolve("second");
        loadHomes(first, second);
        server.on(
                "POST",
                DeviceClient.PAYMENTS,
                request -> json(201, "{\"outcome\":\"APPROVED\",\"status\":\"CAPTURED\"}"));
        String shared = "6f1c2d3e-0000-4000-8000-000000000001";
        String other = "6f1c2d3e-0000-4000-8000-000000000002";
        String homes = first + "," + second;

        assertThat(cli().run("load", "--homes", homes, "--amount", "2500", "--count", "6", "--line", shared))
                .isZero();
        assertThat(cli().run(
                                "load",
                                "--homes",
                                homes,
                                "--amount",
                                "2500",
                                "--count",
                                "6",
                                "--line",
                                shared + "," + other))
                .isZero();
        assertThat(cli().run(
                                "load",
                                "--homes",
                                first.toString(),
                                "--amount",
                                "1",
                                "--count",
                                "1",
                                "--line",
                                shared + "," + other))
                .as("two variants for one home")
                .isEqualTo(64);

        var mapper = tools.jackson.databind.json.JsonMapper.builder().build();
        var sold = new java.util.ArrayList<String>();
        for (var payment : server.requests(DeviceClient.PAYMENTS)) {
            var body = mapper.readTree(payment.body());
            assertThat(body.path("amountMinor").asLong()).isEqualTo(2500);
            var lines = body.path("lines");
            assertThat(lines.size()).isEqualTo(1);
            assertThat(lines.get(0).path("quantity").asInt()).isEqualTo(1);
            assertThat(lines.get(0).path("totalMinor").asLong()).isEqualTo(2500);
            sold.add(lines.get(0).path("variantId").asString());
        }
        assertThat(sold.subList(0, 6)).containsOnly(shared);
        assertThat(sold.subList(6, 12))
                .as("each home sells its own variant, the homes taking turns")
                .containsExactlyInAnyOrder(shared, shared, shared, other, other, other);
    }

    private void loadHomes(Path... homes) {
        for (Path home : homes) {
            assertThat(pair(home)).isZero();
            new id.lapak.simulator.DeviceHome(home)
                    .saveReaderKey(new id.lapak.simulator.ReaderKey(
                            "AES128",
                            1,
                            "1234567890123456",
                            "000000",
                            "RD-1",
                            "d1",
                            "1273671EA26AC29AFA4D1084127652A1"));
        }
    }

    private int pair(Path home) {
        return cli().run("pair", "--server", server.uri().toString(), "--code", "K7M2PQ9X", "--home", home.toString());
    }

    private Path home() {
        return temp.resolve("home");
    }

    private String[] withHome(String[] args) {
        if (args.length == 0
                || !Map.of("status", 1, "pair", 1, "heartbeat", 1, "run", 1).containsKey(args[0])) {
            return args;
        }
        String[] withHome = java.util.Arrays.copyOf(args, args.length + 2);
        withHome[args.length] = "--home";
        withHome[args.length + 1] = home().toString();
        return withHome;
    }

    private Cli cli() {
        return new Cli(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                temp.resolve("default-home"));
    }
}

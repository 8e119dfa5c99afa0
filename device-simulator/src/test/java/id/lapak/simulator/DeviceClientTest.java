package id.lapak.simulator;

import static id.lapak.simulator.FakeDeviceServer.Response.json;
import static id.lapak.simulator.FakeDeviceServer.Response.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class DeviceClientTest {

    static final String DEVICE_ID = "0b9e2f4c-7c51-4c8e-9d0a-5a1d2e3f4a5b";
    static final String TENANT_ID = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
    static final String STORE_ID = "2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a";
    static final String CONFIG_V7 = """
            {"version":7,"device":{"id":"%s","name":"Kasir 1"},"store":{"id":"%s","name":"Maju Pusat"}}""".formatted(DEVICE_ID, STORE_ID);
    static final DeviceFacts FACTS =
            new DeviceFacts("Sunmi P2", "SN-0001", "Android 13", "1.4.0", "Lapak R1", "RD-0001");

    @TempDir
    Path temp;

    private final FakeDeviceServer server = new FakeDeviceServer();
    private final AtomicReference<PublicKey> pairedKey = new AtomicReference<>();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private final MutableClock clock = new MutableClock(Instant.now());
    private DeviceClient client;

    @BeforeEach
    void scriptTheServer() {
        server.on("POST", DeviceClient.PAIRINGS, request -> {
            JsonNode body = Json.MAPPER.readTree(request.body());
            assertThat(body.get("code").asString()).isEqualTo("K7M2PQ9X");
            assertThat(body.get("facts").get("serialNumber").asString()).isEqualTo("SN-0001");
            byte[] der = Base64.getDecoder().decode(body.get("publicKey").asString());
            pairedKey.set(KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der)));
            return json(201, """
                    {"deviceId":"%s","tenantId":"%s","storeId":"%s","name":"Kasir 1",\
                    "tokenAudience":"lapak-device-token"}""".formatted(DEVICE_ID, TENANT_ID, STORE_ID));
        });
        server.on("POST", DeviceClient.TOKEN, request -> {
            String assertion =
                    Json.MAPPER.readTree(request.body()).get("assertion").asString();
            String[] parts = assertion.split("\\.");
            var verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(pairedKey.get());
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(EcSignatures.jwsToDer(Base64.getUrlDecoder().decode(parts[2])))) {
                return problem(401, "Unauthorized", "signature does not verify", "assertion_signature");
            }
            return json(200, """
                    {"access_token":"token-%d","token_type":"Bearer","expires_in":600}""".formatted(tokensIssued.incrementAndGet()));
        });
        client =
                new DeviceClient(server.uri(), new DeviceHome(temp.resolve("home")), HttpClient.newHttpClient(), clock);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void pairingSendsAnX509P256KeyAndKeepsTheIdentity() {
        PairingResult result = client.pair("K7M2PQ9X", FACTS);

        assertThat(result.deviceId().toString()).isEqualTo(DEVICE_ID);
        assertThat(result.storeId().toString()).isEqualTo(STORE_ID);
        assertThat(((ECPublicKey) pairedKey.get())
                        .getParams()
                        .getCurve()
                        .getField()
                        .getFieldSize())
                .isEqualTo(256);
        Pairing stored = client.home().pairing();
        assertThat(stored.deviceId()).isEqualTo(result.deviceId());
        assertThat(stored.tenantId().toString()).isEqualTo(TENANT_ID);
        assertThat(stored.server()).isEqualTo(server.uri());
        assertThat(client.home().keyPair().getPublic()).isEqualTo(pairedKey.get());
        assertThat(server.requests(DeviceClient.PAIRINGS).getFirst().header("Authorization"))
                .isNull();
    }

    @Test
    void tokenIsSignedWithThePairedKeyCachedAndRenewedNearExpiry() {
        client.pair("K7M2PQ9X", FACTS);

        assertThat(client.accessToken()).isEqualTo("token-1");
        assertThat(client.accessToken()).as("cached").isEqualTo("token-1");

        clock.advance(Duration.ofSeconds(600 - 31));
        assertThat(client.accessToken()).as("31 s left: still good").isEqualTo("token-1");
        clock.advance(Duration.ofSeconds(2));
        assertThat(client.accessToken()).as("29 s left: renewed").isEqualTo("token-2");
        assertThat(client.home().token().orElseThrow().expiresAt())
                .isEqualTo(clock.instant().plusSeconds(600));
    }

    @Test
    void configIsAskedForWithTheCachedEtagAndA304AnswersWithTheCachedBody() {
        client.pair("K7M2PQ9X", FACTS);
        server.on("GET", DeviceClient.CONFIG, request -> {
            if ("\"v7\"".equals(request.header("If-None-Match"))) {
                return new FakeDeviceServer.Response(304, Map.of("ETag", "\"v7\""), null);
            }
            return new FakeDeviceServer.Response(
                    200, Map.of("Content-Type", "application/json", "ETag", "\"v7\""), CONFIG_V7);
        });

        ConfigResult first = client.config();
        ConfigResult second = client.config();

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.version()).isEqualTo(7);
        assertThat(first.etag()).isEqualTo("\"v7\"");
        assertThat(second.notModified()).isTrue();
        assertThat(second.version()).isEqualTo(7);
        assertThat(second.json()).isEqualTo(CONFIG_V7);
        var requests = server.requests(DeviceClient.CONFIG);
        assertThat(requests.get(0).header("If-None-Match")).isNull();
        assertThat(requests.get(1).header("If-None-Match")).isEqualTo("\"v7\"");
        assertThat(requests)
                .allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer token-1"));
    }

    @Test
    void aProblemAnswerBecomesAnApiExceptionWithItsReason() {
        client.pair("K7M2PQ9X", FACTS);
        server.on(
                "POST",
                DeviceClient.TOKEN,
                request -> new FakeDeviceServer.Response(401, Map.of("Content-Type", "application/problem+json"), """
                {"type":"about:blank","title":"Unauthorized","status":401,
                 "detail":"This assertion was already used.","reason":"assertion_replayed"}"""));

        assertThatThrownBy(client::requestToken).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.reason()).isEqualTo("assertion_replayed");
            assertThat(e.title()).isEqualTo("Unauthorized");
            assertThat(e.detail()).isEqualTo("This assertion was already used.");
        });
        assertThat(client.home().token()).isEmpty();
    }

    @Test
    void aThrottledPairingCarriesRetryAfterAndLeavesTheHomeEmpty() {
        server.on(
                "POST",
                DeviceClient.PAIRINGS,
                request -> new FakeDeviceServer.Response(
                        429,
                        Map.of("Content-Type", "application/problem+json", "Retry-After", "60"),
                        "{\"title\":\"Too Many Requests\",\"status\":429,\"reason\":\"throttled\"}"));

        assertThatThrownBy(() -> client.pair("K7M2PQ9X", FACTS)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.reason()).isEqualTo("throttled");
            assertThat(e.retryAfter()).isEqualTo("60");
        });
        assertThat(client.home().isPaired()).isFalse();
    }

    @Test
    void aNonJsonErrorStillGivesItsStatus() {
        client.pair("K7M2PQ9X", FACTS);
        server.on(
                "POST",
                DeviceClient.HEARTBEATS,
                request -> new FakeDeviceServer.Response(
                        502, Map.of("Content-Type", "text/html"), "<html>Bad Gateway</html>"));

        assertThatThrownBy(() -> client.heartbeat(Heartbeat.typical("1.4.0")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.reason()).isNull();
                    assertThat(e.detail()).contains("Bad Gateway");
                });
    }

    @Test
    void heartbeatSendsTheContractsFieldsAndReadsTheConfigVersion() {
        client.pair("K7M2PQ9X", FACTS);
        server.on(
                "POST",
                DeviceClient.HEARTBEATS,
                request -> json(202, "{\"serverTime\":\"2026-11-25T14:00:00.123Z\",\"configVersion\":7}"));

        HeartbeatResult result = client.heartbeat(
                new Heartbeat(81, true, "1.4.0", "2.1.0", Heartbeat.Connectivity.CELLULAR, -61, 2, null));

        assertThat(result.status()).isEqualTo(202);
        assertThat(result.configVersion()).isEqualTo(7);
        assertThat(result.serverTime()).isEqualTo(Instant.parse("2026-11-25T14:00:00.123Z"));
        JsonNode sent = Json.MAPPER.readTree(
                server.requests(DeviceClient.HEARTBEATS).getFirst().body());
        assertThat(sent.get("batteryPercent").asInt()).isEqualTo(81);
        assertThat(sent.get("charging").asBoolean()).isTrue();
        assertThat(sent.get("connectivity").asString()).isEqualTo("CELLULAR");
        assertThat(sent.get("signalStrength").asInt()).isEqualTo(-61);
        assertThat(sent.get("pendingUploads").asInt()).isEqualTo(2);
        assertThat(Instant.parse(sent.get("deviceTime").asString()))
                .isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    @Test
    void anUnreachableServerIsANetworkErrorNotAnAnswer() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var offline =
                new DeviceClient(URI.create("http://127.0.0.1:" + closedPort), new DeviceHome(temp.resolve("offline")));

        assertThatThrownBy(() -> offline.pair("K7M2PQ9X", FACTS)).isInstanceOf(DeviceNetworkException.class);
    }
}

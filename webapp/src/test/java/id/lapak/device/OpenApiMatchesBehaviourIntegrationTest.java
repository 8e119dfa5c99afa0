package id.lapak.device;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.billing.gateway.sandbox.SandboxTestCard;
import id.lapak.device.pairing.PairingCodes;
import id.lapak.simulator.DeviceClient;
import id.lapak.simulator.DeviceHome;
import id.lapak.simulator.PaymentDraft;
import id.lapak.simulator.RawResponse;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.store.StoreService;
import id.lapak.testing.ServerIntegrationTest;
import id.lapak.testing.TestMerchants;
import id.lapak.testing.TestMerchants.Merchant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document at /v3/api-docs declares every status the device API really answers: each request below is
 * a real call, and its status must be among the operation's declared responses (errors as problem+json).
 */
@ServerIntegrationTest
class OpenApiMatchesBehaviourIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String API = "/api/device/v1";

    @LocalServerPort
    int port;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    StoreService stores;

    @Autowired
    PairingCodes codes;

    private record Observed(String method, String template, int status) {}

    @Test
    void everyObservedStatusIsDeclaredForItsOperation() throws Exception {
        Merchant merchant = TestMerchants.create(tenants, stores, "Dokumen");
        DeviceClient device = TestMerchants.pairSimulator(
                codes, merchant.admin(), merchant.store().id(), port);
        device.requestReaderKey("RD-DOK", "AES128");
        DeviceClient stranger = new DeviceClient(
                device.server(), new DeviceHome(java.nio.file.Files.createTempDirectory("lapak-device")));
        String token = device.accessToken();
        List<Observed> observed = new ArrayList<>();

        observed.add(call(
                stranger,
                "POST",
                "/pairings",
                "/pairings",
                "{\"code\":\"ZZZZZZZZ\",\"publicKey\":\"AAAA\",\"device\":{}}",
                null));
        observed.add(call(stranger, "POST", "/token", "/token", "{\"assertion\":\"a.b.c\"}", null));
        observed.add(call(stranger, "GET", "/time", "/time", null, null));
        observed.add(call(device, "GET", "/config", "/config", null, token));
        String etag = device.send("GET", API + "/config", null, token, Map.of())
                .headers()
                .firstValue("ETag")
                .orElseThrow();
        observed.add(new Observed(
                "GET",
                "/config",
                device.send("GET", API + "/config", null, token, Map.of("If-None-Match", etag))
                        .status()));
        observed.add(call(device, "GET", "/config", "/config", null, "not-a-token"));
        observed.add(call(device, "POST", "/heartbeats", "/heartbeats", "{\"batteryPercent\":80}", token));
        observed.add(call(device, "POST", "/heartbeats", "/heartbeats", "{\"batteryPercent\":\"full\"}", token));
        observed.add(call(device, "GET", "/catalog?since=0", "/catalog", null, token));
        observed.add(call(device, "GET", "/catalog?since=x", "/catalog", null, token));

        String payment =
                device.paymentJson(PaymentDraft.of(25_000, "IDR", SandboxTestCard.VISA_APPROVED.pan(), "3012"));
        RawResponse paid = device.send("POST", API + "/payments", payment, token, Map.of());
        observed.add(new Observed("POST", "/payments", paid.status()));
        observed.add(call(device, "POST", "/payments", "/payments", payment, token));
        observed.add(call(device, "POST", "/payments", "/payments", "{\"amountMinor\":", token));
        observed.add(call(device, "POST", "/payments", "/payments", payment.replace("\"CHIP\"", "\"MIND\""), token));
        String id = JSON.readTree(paid.body()).path("paymentId").asString();
        observed.add(call(device, "GET", "/payments/" + id, "/payments/{paymentId}", null, token));
        observed.add(call(device, "GET", "/payments/" + UUID.randomUUID(), "/payments/{paymentId}", null, token));
        observed.add(call(device, "GET", "/payments/nope", "/payments/{paymentId}", null, token));
        observed.add(call(
                device,
                "POST",
                "/payments/" + id + "/refunds",
                "/payments/{paymentId}/refunds",
                "{\"amountMinor\":5000,\"reason\":\"rusak\"}",
                token));
        observed.add(call(
                device,
                "POST",
                "/payments/" + id + "/refunds",
                "/payments/{paymentId}/refunds",
                "{\"amountMinor\":999999,\"reason\":\"rusak\"}",
                token));
        observed.add(call(
                device,
                "POST",
                "/payments/" + id + "/void",
                "/payments/{paymentId}/void",
                "{\"reason\":\"batal\"}",
                token));

        JsonNode paths = JSON.readTree(
                        device.send("GET", "/v3/api-docs", null, null, Map.of()).body())
                .path("paths");
        assertThat(observed).extracting(Observed::status).contains(201, 200, 202, 304, 400, 401, 404, 409, 422);
        for (Observed o : observed) {
            JsonNode responses = paths.path(API + o.template())
                    .path(o.method().toLowerCase())
                    .path("responses");
            assertThat(responses.has(String.valueOf(o.status())))
                    .as(
                            "%s %s answered %d, which the OpenAPI document does not declare",
                            o.method(), o.template(), o.status())
                    .isTrue();
            if (o.status() >= 400) {
                assertThat(responses
                                .path(String.valueOf(o.status()))
                                .path("content")
                                .has("application/problem+json"))
                        .as("%s %s %d as problem+json", o.method(), o.template(), o.status())
                        .isTrue();
            }
        }
        assertThat(paths.path(API + "/pairings").path("post").path("responses").has("201"))
                .isTrue();
        assertThat(paths.path(API + "/heartbeats")
                        .path("post")
                        .path("responses")
                        .has("202"))
                .isTrue();
        assertThat(paths.path(API + "/time").path("get").path("responses").has("200"))
                .isTrue();
        assertThat(paths.path(API + "/config")
                        .path("get")
                        .path("responses")
                        .path("200")
                        .toString())
                .contains("DeviceConfiguration");
    }

    private static Observed call(
            DeviceClient client, String method, String path, String template, String body, String token) {
        return new Observed(
                method,
                template,
                client.send(method, API + path, body, token, Map.of()).status());
    }
}

package id.lapak.billing.sale.payment;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.billing.gateway.sandbox.SandboxTestCard;
import id.lapak.device.pairing.PairingCodes;
import id.lapak.simulator.DeviceClient;
import id.lapak.simulator.PaymentDraft;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.store.StoreService;
import id.lapak.testing.Await;
import id.lapak.testing.ServerIntegrationTest;
import id.lapak.testing.TestMerchants;
import id.lapak.testing.TestMerchants.Merchant;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link PaymentShortcut} answers {@code POST /api/device/v1/payments} exactly as Spring MVC does. The shortcut sits
 * behind a switch ({@link SwitchedPaymentShortcut}); switched off, the device chain passes every request on and
 * {@link PaymentApiController} answers through MVC, as before the shortcut existed. Every request below is sent both
 * ways and the two answers must agree in status, every header but {@code Date}, and body, byte for byte (only a
 * 500's random log reference is masked). A new payment cannot be sent twice, so two new payments are compared by
 * headers and field order, and each new payment's body with its replay the other way round. Each answer also says
 * who gave it: the shortcut (its answer counted, MVC's interceptor on {@code pay} not reached) or MVC.
 */
@ServerIntegrationTest
@Import(SwitchedPaymentShortcut.class)
class PaymentShortcutIntegrationTest {

    private static final String PATH = "/api/device/v1/payments";
    private static final String JSON = "application/json";
    private static final String SIMULATOR_ACCEPT = "application/json, application/problem+json";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final JsonMapper PLAIN = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    StoreService stores;

    @Autowired
    PairingCodes codes;

    @Autowired
    SwitchedPaymentShortcut shortcut;

    @Autowired
    JsonMapper json;

    @Autowired
    RequestMappingHandlerAdapter mvc;

    @Autowired
    MeterRegistry meters;

    DeviceClient device;

    /** An answer, and who gave it: the shortcut, or MVC (which reaches {@code pay} unless routing refused). */
    private record Answer(
            int status, Map<String, List<String>> headers, String body, boolean byShortcut, boolean reachedPay) {}

    @BeforeEach
    void pairedDeviceWithAReaderKey() throws Exception {
        Merchant merchant = TestMerchants.create(tenants, stores, "Pintas");
        device = TestMerchants.pairSimulator(
                codes, merchant.admin(), merchant.store().id(), port);
        device.requestReaderKey("RD-PINTAS", "AES128");
        device.config();
    }

    @Test
    void theShortcutReadsAndWritesWithMvcsOwnJsonMapper() {
        // Spring Data's projecting subclass before it reads only @ProjectedPayload interfaces and writes nothing.
        assertThat(mvc.getMessageConverters())
                .filteredOn(c -> c.getClass() == JacksonJsonHttpMessageConverter.class)
                .singleElement()
                .extracting(c -> ((JacksonJsonHttpMessageConverter) c).getMapper())
                .isSameAs(json);
    }

    @Test
    void aNewPaymentAndItsReplaysAnswerAsThroughMvc() {
        String first = payment();
        String second = payment();
        long observedBefore = observedNewPayments();
        Answer newByMvc = send(false, JSON, SIMULATOR_ACCEPT, first);
        Answer newByShortcut = send(true, JSON, SIMULATOR_ACCEPT, second);
        assertThat(newByMvc.status()).isEqualTo(201);
        assertThat(newByMvc.reachedPay()).isTrue();
        assertThat(newByShortcut.byShortcut()).isTrue();
        assertThat(newByShortcut.reachedPay()).isFalse();
        assertThat(newByShortcut.status()).isEqualTo(201);
        assertThat(newByShortcut.headers()).isEqualTo(newByMvc.headers());
        assertThat(fieldNames(newByShortcut.body())).isEqualTo(fieldNames(newByMvc.body()));
        // Both observed under the endpoint's path pattern, as MVC's handler lookup names it (not UNKNOWN).
        Await.until(() -> observedNewPayments() == observedBefore + 2);

        Answer secondReplayedByMvc = send(false, JSON, SIMULATOR_ACCEPT, second);
        Answer firstReplayedByShortcut = send(true, JSON, SIMULATOR_ACCEPT, first);
        assertThat(secondReplayedByMvc.status()).isEqualTo(200);
        assertThat(firstReplayedByShortcut.status()).isEqualTo(200);
        assertThat(asReplay(newByShortcut.body())).isEqualTo(secondReplayedByMvc.body());
        assertThat(asReplay(newByMvc.body())).isEqualTo(firstReplayedByShortcut.body());

        for (String accept :
                Arrays.asList(null, "*/*", "application/*", JSON, SIMULATOR_ACCEPT, "application/problem+json, */*")) {
            sameAnswer("replay, Accept " + accept, JSON, accept, second, true);
        }
        sameAnswer("replay, UTF-8 named", "application/json;charset=UTF-8", null, second, true);
        sameAnswer("replay, utf-8 named", "application/json; charset=utf-8", SIMULATOR_ACCEPT, second, true);
    }

    @Test
    void refusalsAnswerAsThroughMvc() {
        String paid = payment();
        assertThat(send(true, JSON, SIMULATOR_ACCEPT, paid).status()).isEqualTo(201);
        ObjectNode reused = (ObjectNode) PLAIN.readTree(paid);
        reused.put("amountMinor", 26_000);
        for (String accept : Arrays.asList(null, "*/*", "application/*", JSON, SIMULATOR_ACCEPT)) {
            assertThat(sameAnswer("key reused, Accept " + accept, JSON, accept, reused.toString(), true)
                            .status())
                    .isEqualTo(422);
        }
        ObjectNode noTime = (ObjectNode) PLAIN.readTree(payment());
        noTime.remove("deviceTime");
        assertThat(sameAnswer("no device time", JSON, SIMULATOR_ACCEPT, noTime.toString(), true)
                        .body())
                .contains("\"reason\":\"device_time_missing\"");
    }

    @Test
    void anUnexpectedFailureAnswersAsThroughMvc() {
        ObjectNode overflowing = (ObjectNode) PLAIN.readTree(payment());
        var lines = overflowing.putArray("lines");
        for (int i = 0; i < 2; i++) {
            lines.addObject()
                    .put("variantId", UUID.randomUUID().toString())
                    .put("quantity", 1)
                    .put("unitPriceMinor", 0)
                    .put("totalMinor", Long.MAX_VALUE);
        }
        Answer answer = sameAnswer("lines adding up past a long", JSON, SIMULATOR_ACCEPT, overflowing.toString(), true);
        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.body()).contains("\"reason\":\"internal\"");
    }

    @Test
    void whatTheShortcutLeavesToMvcIsAnsweredAsBefore() {
        String paid = payment();
        assertThat(send(true, JSON, SIMULATOR_ACCEPT, paid).status()).isEqualTo(201);
        String fraction = paid.replace("\"amountMinor\":25000", "\"amountMinor\":25000.5");
        assertThat(fraction).isNotEqualTo(paid);
        List<Answer> answers = new ArrayList<>();
        answers.add(sameAnswer("malformed", JSON, SIMULATOR_ACCEPT, "{\"amountMinor\":", false));
        answers.add(sameAnswer("fraction", JSON, SIMULATOR_ACCEPT, fraction, false));
        answers.add(sameAnswer("unknown entry mode", JSON, null, paid.replace("\"CHIP\"", "\"MIND\""), false));
        answers.add(sameAnswer("null", JSON, SIMULATOR_ACCEPT, "null", false));
        answers.add(sameAnswer("no body", JSON, SIMULATOR_ACCEPT, null, false));
        answers.add(sameAnswer("text", "text/plain", SIMULATOR_ACCEPT, paid, false));
        answers.add(sameAnswer("no content type", null, SIMULATOR_ACCEPT, paid, false));
        answers.add(sameAnswer("Latin-1", "application/json;charset=ISO-8859-1", SIMULATOR_ACCEPT, paid, false));
        answers.add(sameAnswer("HTML only", JSON, "text/html", paid, false));
        answers.add(sameAnswer("problem only", JSON, "application/problem+json", paid, false));
        answers.add(sameAnswer("quality", JSON, "application/json;q=0.5", paid, false));
        assertThat(answers)
                .extracting(Answer::status)
                .containsExactly(400, 400, 400, 400, 400, 415, 415, 200, 406, 406, 200);
        assertThat(answers.get(1).body()).contains("\"reason\":\"amount_precision\"");
    }

    /** The same request through MVC and with the shortcut: the same answer, given by whom it should be. */
    private Answer sameAnswer(String what, String contentType, String accept, String body, boolean shortcutAnswers) {
        Answer byMvc = send(false, contentType, accept, body);
        Answer byShortcut = send(true, contentType, accept, body);
        assertThat(byMvc.byShortcut()).as(what).isFalse();
        assertThat(byShortcut.byShortcut())
                .as("%s answered by the shortcut", what)
                .isEqualTo(shortcutAnswers);
        assertThat(byShortcut.reachedPay())
                .as("%s reached MVC's pay", what)
                .isEqualTo(!shortcutAnswers && byMvc.reachedPay());
        assertThat(byShortcut.status()).as(what).isEqualTo(byMvc.status());
        assertThat(byShortcut.headers()).as(what).isEqualTo(byMvc.headers());
        assertThat(masked(byShortcut.body())).as(what).isEqualTo(masked(byMvc.body()));
        return byShortcut;
    }

    private Answer send(boolean withShortcut, String contentType, String accept, String body) {
        shortcut.off = !withShortcut;
        int answered = shortcut.answeredByShortcut.get();
        int reached = shortcut.reachedController.get();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + PATH))
                .header("Authorization", "Bearer " + device.accessToken())
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            boolean byShortcut = shortcut.answeredByShortcut.get() > answered;
            boolean reachedPay = shortcut.reachedController.get() > reached;
            assertThat(byShortcut && reachedPay).as("answered twice").isFalse();
            var headers = new TreeMap<>(response.headers().map());
            headers.remove("date");
            return new Answer(response.statusCode(), headers, response.body(), byShortcut, reachedPay);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            shortcut.off = false;
        }
    }

    private long observedNewPayments() {
        return meters.find("http.server.requests").tag("uri", PATH).tag("status", "201").timers().stream()
                .mapToLong(Timer::count)
                .sum();
    }

    private String payment() {
        return device.paymentJson(PaymentDraft.of(25_000, "IDR", SandboxTestCard.VISA_APPROVED.pan(), "3012"));
    }

    private static List<String> fieldNames(String body) {
        return List.copyOf(PLAIN.readTree(body).propertyNames());
    }

    private static String asReplay(String body) {
        assertThat(body).contains("\"replayed\":false");
        return body.replace("\"replayed\":false", "\"replayed\":true");
    }

    /** A 500's detail names a random reference for the log. */
    private static String masked(String body) {
        return body.replaceAll("\\(reference [0-9a-f]{8}\\)", "(reference …)");
    }
}

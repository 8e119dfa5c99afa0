package id.lapak.sale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapak.billing.gateway.sandbox.SandboxTestCard;
import id.lapak.catalog.items.CatalogService;
import id.lapak.device.pairing.PairingCodes;
import id.lapak.simulator.ApiException;
import id.lapak.simulator.DeviceClient;
import id.lapak.simulator.PaymentDraft;
import id.lapak.simulator.PaymentReply;
import id.lapak.simulator.RawResponse;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.store.StoreService;
import id.lapak.testing.ServerIntegrationTest;
import id.lapak.testing.TestCatalog;
import id.lapak.testing.TestMerchants;
import id.lapak.testing.TestMerchants.Merchant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** What an outside device maker found the document and the server disagreeing on, now one and the same. */
@ServerIntegrationTest
class DeviceApiContractIntegrationTest {

    private static final String CARD = SandboxTestCard.VISA_APPROVED.pan();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    StoreService stores;

    @Autowired
    PairingCodes codes;

    @Autowired
    CatalogService catalog;

    Merchant merchant;
    DeviceClient device;

    @BeforeEach
    void aPairedDevice() throws Exception {
        merchant = TestMerchants.create(tenants, stores, "Kontrak");
        device = TestMerchants.pairSimulator(
                codes, merchant.admin(), merchant.store().id(), port);
        device.requestReaderKey("RD-KONTRAK", "AES128");
        device.config();
    }

    @Test
    void theFirstAnswerIsByteForByteTheStoredResult() throws Exception {
        PaymentReply first = device.pay(PaymentDraft.of(20_000, "IDR", CARD, "3012"));
        PaymentReply read = device.payment(first.paymentId());
        assertThat(withoutReplayed(first.json())).isEqualTo(withoutReplayed(read.json()));
        assertThat(first.body().path("soldAt").asString()).doesNotMatch(".*\\.\\d{7,}Z");
    }

    @Test
    void anUnknownEnumValueNamesItsField() throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree(device.paymentJson(PaymentDraft.of(20_000, "IDR", CARD, "3012")));
        body.put("entryMode", "TELEPATHY");
        RawResponse response =
                device.send("POST", DeviceClient.PAYMENTS, body.toString(), device.accessToken(), Map.of());
        assertThat(response.status()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("reason").asString()).isEqualTo("entry_mode_invalid");
    }

    @Test
    void aMalformedPaymentIdIsAnsweredAsSuch() throws Exception {
        RawResponse response =
                device.send("GET", DeviceClient.PAYMENTS + "/not-a-uuid", null, device.accessToken(), Map.of());
        assertThat(response.status()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("reason").asString()).isEqualTo("payment_id_invalid");
    }

    @Test
    void theResultSaysWhatWasRefundedAndNothingLeftIsTheSameRefusalAsTooMuch() {
        PaymentReply paid = device.pay(PaymentDraft.of(30_000, "IDR", CARD, "3012"));
        assertThat(paid.body().path("refundedMinor").asLong(-1)).isZero();
        PaymentReply refunded = device.refund(paid.paymentId(), 30_000, false, "batal", "r-all");
        assertThat(refunded.body().path("refundedMinor").asLong()).isEqualTo(30_000);
        assertThatThrownBy(() -> device.refund(paid.paymentId(), 1, false, "lagi", "r-more"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.reason()).isEqualTo("refund_exceeds_captured");
                });
    }

    @Test
    void theDocumentedFiveHundredLinesFitAndOneMoreIsRefused() {
        UUID variant = TestCatalog.variant(catalog, merchant.admin(), "Permen");
        String longDescription =
                "Permen karet rasa mangga dan stroberi ".repeat(6).substring(0, 200);
        List<PaymentDraft.Line> lines = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            lines.add(new PaymentDraft.Line(variant, longDescription, 1, 100, 0, 100));
        }
        PaymentReply paid =
                device.pay(PaymentDraft.of(50_000, "IDR", CARD, "3012").withLines(lines));
        assertThat(paid.outcome()).isEqualTo("APPROVED");

        lines.add(new PaymentDraft.Line(variant, "satu lagi", 1, 100, 0, 100));
        assertThatThrownBy(() ->
                        device.pay(PaymentDraft.of(50_100, "IDR", CARD, "3012").withLines(lines)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.reason()).isEqualTo("lines_invalid");
                });
    }

    private static JsonNode withoutReplayed(String json) throws Exception {
        ObjectNode node = (ObjectNode) JSON.readTree(json);
        node.remove("replayed");
        return node;
    }
}

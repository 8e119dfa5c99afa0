package id.lapak.sale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapak.billing.gateway.sandbox.SandboxTestCard;
import id.lapak.billing.sale.SaleDetails;
import id.lapak.billing.sale.SaleLineDetails;
import id.lapak.billing.sale.SalesService;
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
import id.lapak.testing.TestUsers;
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

    @Autowired
    SalesService sales;

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

    @Test
    void aReportedCashierAndLineDiscountsAreKeptWithTheSaleAndBelongToTheRequest() throws Exception {
        UUID variant = TestCatalog.variant(catalog, merchant.admin(), "Kopi");
        ObjectNode body = (ObjectNode) JSON.readTree(device.paymentJson(PaymentDraft.of(48_000, "IDR", CARD, "3012")
                .withLines(List.of(
                        new PaymentDraft.Line(variant, "Kopi", 2, 25_000, 0, 40_000),
                        new PaymentDraft.Line(variant, "Kopi", 1, 8_000, 0, 8_000)))));
        ((ObjectNode) body.path("lines").get(0)).put("discountMinor", 10_000);
        body.putObject("cashier").put("code", " K-07 ").put("name", "Sari");
        PaymentReply paid = device.sendPayment(body.toString());
        assertThat(paid.outcome()).isEqualTo("APPROVED");

        SaleDetails sale = TestUsers.as(merchant.admin(), () -> sales.get(paid.paymentId()));
        assertThat(sale.cashierCode()).isEqualTo("K-07");
        assertThat(sale.cashierName()).isEqualTo("Sari");
        assertThat(sale.lines()).extracting(SaleLineDetails::discountMinor).containsExactly(10_000L, null);
        assertThat(sale.lines()).extracting(SaleLineDetails::totalMinor).containsExactly(40_000L, 8_000L);

        // The same bytes again are a replay; the same key with another cashier or another discount is not.
        assertThat(device.sendPayment(body.toString()).replayed()).isTrue();
        ObjectNode otherCashier = body.deepCopy();
        ((ObjectNode) otherCashier.path("cashier")).put("code", "K-08");
        ObjectNode otherDiscount = body.deepCopy();
        ((ObjectNode) otherDiscount.path("lines").get(0))
                .put("discountMinor", 9_000)
                .put("totalMinor", 41_000);
        otherDiscount.put("amountMinor", 49_000);
        for (ObjectNode changed : List.of(otherCashier, otherDiscount)) {
            RawResponse response =
                    device.send("POST", DeviceClient.PAYMENTS, changed.toString(), device.accessToken(), Map.of());
            assertThat(response.status()).isEqualTo(422);
            assertThat(JSON.readTree(response.body()).path("reason").asString()).isEqualTo("idempotency_key_reused");
        }
    }

    @Test
    void aMalformedCashierOrAnInconsistentDiscountIsRefusedWithItsReason() throws Exception {
        UUID variant = TestCatalog.variant(catalog, merchant.admin(), "Teh");
        ObjectNode line = (ObjectNode) JSON.valueToTree(new PaymentDraft.Line(variant, "Teh", 2, 10_000, 0, 15_000));
        Map<String, java.util.function.Consumer<ObjectNode>> refusals = new java.util.LinkedHashMap<>();
        refusals.put(
                "cashier_invalid",
                b -> b.putObject("cashier").put("code", "K" + (char) 7).put("name", "Sari"));
        refusals.put("discount_invalid", b -> ((ObjectNode) b.path("lines").get(0)).put("discountMinor", 20_001));
        refusals.put("discount_mismatch", b -> ((ObjectNode) b.path("lines").get(0)).put("discountMinor", 4_000));
        for (var refusal : refusals.entrySet()) {
            ObjectNode body =
                    (ObjectNode) JSON.readTree(device.paymentJson(PaymentDraft.of(15_000, "IDR", CARD, "3012")));
            body.putArray("lines").add(line.deepCopy());
            refusal.getValue().accept(body);
            RawResponse response =
                    device.send("POST", DeviceClient.PAYMENTS, body.toString(), device.accessToken(), Map.of());
            assertThat(JSON.readTree(response.body()).path("reason").asString())
                    .as(refusal.getKey())
                    .isEqualTo(refusal.getKey());
            assertThat(response.status()).isEqualTo(refusal.getKey().equals("discount_mismatch") ? 422 : 400);
        }
    }

    private static JsonNode withoutReplayed(String json) throws Exception {
        ObjectNode node = (ObjectNode) JSON.readTree(json);
        node.remove("replayed");
        return node;
    }
}

package id.lapak.sale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import id.lapak.billing.gateway.AuthorizationRequest;
import id.lapak.billing.gateway.AuthorizationResult;
import id.lapak.billing.gateway.GatewayResult;
import id.lapak.billing.gateway.PaymentGateway;
import id.lapak.billing.sale.SaleFilter;
import id.lapak.billing.sale.SalesService;
import id.lapak.device.pairing.PairingCodes;
import id.lapak.simulator.ApiException;
import id.lapak.simulator.DeviceClient;
import id.lapak.simulator.PaymentDraft;
import id.lapak.support.SameSecurityContextStrategy;
import id.lapak.support.TestMerchants;
import id.lapak.support.TestUsers;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.store.StoreService;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

/** The device payment API over HTTP with a minimal acquirer: approve, replay, key reuse, refund. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(SameSecurityContextStrategy.class)
@Import(PaymentApiIntegrationTest.CountingGateway.class)
class PaymentApiIntegrationTest {

    /** Approves everything and counts the authorizations it saw per request id. */
    @TestConfiguration
    static class CountingGateway {
        static final ConcurrentHashMap<String, AtomicInteger> AUTHORIZATIONS = new ConcurrentHashMap<>();

        @Bean
        @Primary
        PaymentGateway countingGateway() {
            return new PaymentGateway() {
                @Override
                public AuthorizationResult authorize(AuthorizationRequest request) {
                    AUTHORIZATIONS.computeIfAbsent(request.requestId(), k -> new AtomicInteger()).incrementAndGet();
                    return new AuthorizationResult(AuthorizationResult.Outcome.APPROVED, "00", "A1B2C3",
                            "ref-" + request.requestId(), request.amountMinor(), "Approved");
                }

                @Override
                public GatewayResult capture(String reference, long amountMinor, String currency, String requestId) {
                    return new GatewayResult(true, "00", "cap-" + requestId, "Captured");
                }

                @Override
                public GatewayResult voidAuthorization(String reference, String requestId) {
                    return new GatewayResult(true, "00", "void-" + requestId, "Voided");
                }

                @Override
                public GatewayResult refund(String reference, long amountMinor, String currency, String requestId) {
                    return new GatewayResult(true, "00", "ref-" + requestId, "Refunded");
                }

                @Override
                public GatewayResult reverse(String authorizationRequestId) {
                    return new GatewayResult(true, "00", "rev-" + authorizationRequestId, "Reversed");
                }
            };
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    TenantDirectory tenants;
    @Autowired
    StoreService stores;
    @Autowired
    PairingCodes codes;
    @Autowired
    SalesService sales;

    @Test
    void aPaymentIsApprovedOnceAndItsReplayAnswersTheSameResult() throws Exception {
        var merchant = TestMerchants.create(tenants, stores, "Bayar");
        DeviceClient device = TestMerchants.pairSimulator(codes, merchant.admin(), merchant.store().id(), port);
        device.requestReaderKey("RD-1", "AES128");
        UUID variant = UUID.randomUUID();
        PaymentDraft draft = PaymentDraft.of(150_000, "IDR", "4111111111111111", "3012")
                .withLines(List.of(new PaymentDraft.Line(variant, "Kopi susu", 2, 75_000, 0, 150_000)));
        String body = device.paymentJson(draft);

        var first = device.sendPayment(body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.outcome()).isEqualTo("APPROVED");
        assertThat(first.saleStatus()).isEqualTo("CAPTURED");
        assertThat(first.body().path("maskedPan").asString()).isEqualTo("411111******1111");

        var replay = device.sendPayment(body);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.replayed()).isTrue();
        assertThat(replay.paymentId()).isEqualTo(first.paymentId());
        assertThat(CountingGateway.AUTHORIZATIONS.get(first.paymentId().toString())).hasValue(1);

        String other = device.paymentJson(new PaymentDraft(draft.idempotencyKey(), 1_000, "IDR", 0, List.of(), null,
                "CHIP", null, false, "4111111111111111", "3012", null));
        assertThatThrownBy(() -> device.sendPayment(other)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.reason()).isEqualTo("idempotency_key_reused"));

        var details = TestUsers.as(merchant.admin(), () -> sales.get(first.paymentId()));
        assertThat(details.lines()).hasSize(1);
        assertThat(details.timeline()).extracting(e -> e.kind().name()).containsExactly("AUTHORIZE", "CAPTURE");
        assertThat(TestUsers.as(merchant.admin(), () -> sales.count(SaleFilter.all()))).isEqualTo(1);

        var refund = device.refund(first.paymentId(), 50_000, false, "one cup spilled", "r-1");
        assertThat(refund.saleStatus()).isEqualTo("PARTIALLY_REFUNDED");
        assertThatThrownBy(() -> device.refund(first.paymentId(), 100_001, false, "too much", "r-2"))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.reason()).isEqualTo("refund_exceeds_captured"));
    }
}

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
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.store.StoreDetails;
import id.lapak.tenant.store.StoreService;
import id.lapak.testing.ServerIntegrationTest;
import id.lapak.testing.TestCatalog;
import id.lapak.testing.TestMerchants;
import id.lapak.testing.TestMerchants.Merchant;
import id.lapak.testing.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The holes an outside device client found, closed: a replayed DUKPT counter, card data from another device's
 * reader, another tenant's variant or a made-up customer in the body, a refund key reused for another amount, and an
 * offline payment from the future are all refused with a stable reason, and nothing is recorded for them.
 */
@ServerIntegrationTest
class PaymentIntegrityIntegrationTest {

    private static final String CARD = SandboxTestCard.VISA_APPROVED.pan();

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
    void aPairedDeviceWithAReaderKey() throws Exception {
        merchant = TestMerchants.create(tenants, stores, "Utuh");
        device = TestMerchants.pairSimulator(
                codes, merchant.admin(), merchant.store().id(), port);
        device.requestReaderKey("RD-UTUH", "AES128");
        device.config();
    }

    @Test
    void aTransactionCounterUsedOnceIsRefusedTheSecondTimeEvenWithANewKey() {
        long counter = device.home().nextTransactionCounter();
        PaymentReply first =
                device.sendPayment(device.paymentJson(PaymentDraft.of(10_000, "IDR", CARD, "3012"), counter));
        assertThat(first.outcome()).isEqualTo("APPROVED");
        // Another payment (a new idempotency key) encrypted at the same counter: a replayed card read.
        assertRefused(
                () -> device.sendPayment(device.paymentJson(PaymentDraft.of(10_000, "IDR", CARD, "3012"), counter)),
                422,
                "ksn_reused");
    }

    @Test
    void theSamePaymentSentAgainIsStillAnsweredAsAReplay() {
        String json = device.paymentJson(PaymentDraft.of(11_000, "IDR", CARD, "3012"));
        PaymentReply first = device.sendPayment(json);
        PaymentReply again = device.sendPayment(json);
        assertThat(again.paymentId()).isEqualTo(first.paymentId());
        assertThat(again.replayed()).isTrue();
    }

    @Test
    void cardDataFromAnotherDevicesReaderIsRefused() throws Exception {
        StoreDetails cabang = TestUsers.as(merchant.admin(), () -> stores.create(TestMerchants.store("Utuh Cabang")));
        DeviceClient other = TestMerchants.pairSimulator(codes, merchant.admin(), cabang.id(), port);
        other.requestReaderKey("RD-OTHER", "AES128");
        other.config();
        String encryptedByTheOther = other.paymentJson(PaymentDraft.of(12_000, "IDR", CARD, "3012"));
        assertRefused(() -> device.sendPayment(encryptedByTheOther), 422, "ksn_not_this_device");
    }

    @Test
    void anotherTenantsVariantAndAMadeUpCustomerAreRefused() {
        Merchant stranger = TestMerchants.create(tenants, stores, "Asing");
        UUID theirs = TestCatalog.variant(catalog, stranger.admin(), "Kopi Asing");
        PaymentDraft withTheirVariant = PaymentDraft.of(13_000, "IDR", CARD, "3012")
                .withLines(List.of(new PaymentDraft.Line(theirs, "Kopi", 1, 13_000, 0, 13_000)));
        assertRefused(() -> device.pay(withTheirVariant), 422, "variant_unknown");

        PaymentDraft madeUpCustomer = new PaymentDraft(
                UUID.randomUUID().toString(),
                13_000,
                "IDR",
                0,
                List.of(),
                UUID.randomUUID(),
                "CHIP",
                null,
                false,
                CARD,
                "3012",
                null);
        assertRefused(() -> device.pay(madeUpCustomer), 422, "customer_unknown");

        UUID ours = TestCatalog.variant(catalog, merchant.admin(), "Kopi Kita");
        assertThat(device.pay(PaymentDraft.of(13_000, "IDR", CARD, "3012")
                                .withLines(List.of(new PaymentDraft.Line(ours, "Kopi", 1, 13_000, 0, 13_000))))
                        .outcome())
                .isEqualTo("APPROVED");
    }

    @Test
    void aRefundKeyReusedForAnotherAmountIsRefused() {
        PaymentReply paid = device.pay(PaymentDraft.of(50_000, "IDR", CARD, "3012"));
        PaymentReply refunded = device.refund(paid.paymentId(), 10_000, false, "rusak", "refund-1");
        assertThat(device.refund(paid.paymentId(), 10_000, false, "rusak", "refund-1")
                        .json())
                .isEqualTo(refunded.json());
        assertRefused(
                () -> device.refund(paid.paymentId(), 20_000, false, "rusak", "refund-1"),
                422,
                "idempotency_key_reused");
    }

    @Test
    void anOfflinePaymentFromTheFutureIsRefused() {
        PaymentDraft ahead = PaymentDraft.of(14_000, "IDR", CARD, "3012")
                .offlineAt(Instant.now().plus(Duration.ofHours(2)));
        assertRefused(() -> device.sendPayment(device.paymentJson(ahead)), 422, "device_time_in_future");
        PaymentDraft slightlyAhead = PaymentDraft.of(14_000, "IDR", CARD, "3012")
                .offlineAt(Instant.now().plus(Duration.ofMinutes(1)));
        assertThat(device.sendPayment(device.paymentJson(slightlyAhead)).outcome())
                .isEqualTo("APPROVED");
    }

    private static void assertRefused(ThrowingCallable call, int status, String reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.reason()).isEqualTo(reason);
        });
    }
}

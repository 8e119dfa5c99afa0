package id.lapak.sale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import id.lapak.billing.gateway.CardBrand;
import id.lapak.billing.gateway.sandbox.FailMode;
import id.lapak.billing.gateway.sandbox.JournalEntry;
import id.lapak.billing.gateway.sandbox.SandboxAcquirer;
import id.lapak.billing.gateway.sandbox.SandboxControls;
import id.lapak.billing.gateway.sandbox.SandboxSettlementFile;
import id.lapak.billing.gateway.sandbox.SandboxTestCard;
import id.lapak.billing.sale.CaptureMode;
import id.lapak.billing.sale.PaymentRefusedException;
import id.lapak.billing.sale.SaleDetails;
import id.lapak.billing.sale.SaleFilter;
import id.lapak.billing.sale.SaleNotFoundException;
import id.lapak.billing.sale.SaleStatus;
import id.lapak.billing.sale.SaleSummary;
import id.lapak.billing.sale.SalesService;
import id.lapak.catalog.items.CatalogService;
import id.lapak.device.DeviceService;
import id.lapak.device.pairing.PairingCodes;
import id.lapak.simulator.ApiException;
import id.lapak.simulator.DeviceClient;
import id.lapak.simulator.Heartbeat;
import id.lapak.simulator.PaymentDraft;
import id.lapak.simulator.PaymentReply;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.context.TenantSeal;
import id.lapak.tenant.sale.SaleCompleted;
import id.lapak.tenant.sale.SaleRefunded;
import id.lapak.tenant.store.StoreService;
import id.lapak.testing.SameSecurityContextStrategy;
import id.lapak.testing.TestCatalog;
import id.lapak.testing.TestMerchants;
import id.lapak.testing.TestMerchants.Merchant;
import id.lapak.testing.TestUsers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;

/**
 * Payments end to end: a simulated device pays over HTTP through the sandbox acquirer, and the portal's service
 * captures, voids and refunds. Every check looks at what a merchant or the acquirer would see.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(SameSecurityContextStrategy.class)
@Import(RecordedSaleEvents.class)
class PaymentsEndToEndIntegrationTest {

    @Autowired
    TenantSeal seal;

    private static final String FUTURE = "3012";

    @LocalServerPort
    int port;

    @Autowired
    CatalogService catalog;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    StoreService stores;

    @Autowired
    PairingCodes codes;

    @Autowired
    SalesService sales;

    @Autowired
    DeviceService devices;

    @Autowired
    SandboxControls sandbox;

    @Autowired
    SandboxAcquirer acquirer;

    @Autowired
    SandboxSettlementFile settlement;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Value("${spring.datasource.url}")
    String url;

    @AfterEach
    void resetSandbox() {
        sandbox.reset();
    }

    private record Shop(Merchant merchant, DeviceClient device) {}

    private Shop shop(String name) throws Exception {
        Merchant merchant = TestMerchants.create(tenants, stores, name);
        DeviceClient device = TestMerchants.pairSimulator(
                codes, merchant.admin(), merchant.store().id(), port);
        device.requestReaderKey("RD-" + name, "AES128");
        device.config();
        return new Shop(merchant, device);
    }

    private static PaymentDraft draft(long amount, String pan) {
        return PaymentDraft.of(amount, "IDR", pan, FUTURE);
    }

    /** What the acquirer did about a sale: its authorization (request id = sale id) and everything that names it. */
    private List<JournalEntry> journal(UUID saleId) {
        List<JournalEntry> all = settlement.entries(
                Instant.now().minus(1, ChronoUnit.HOURS), Instant.now().plusSeconds(5));
        Set<String> references = new java.util.HashSet<>();
        references.add(saleId.toString());
        all.stream()
                .filter(e -> e.requestId().equals(saleId.toString()) && e.reference() != null)
                .forEach(e -> references.add(e.reference()));
        return all.stream()
                .filter(e -> e.requestId().equals(saleId.toString()) || references.contains(e.authorizationReference()))
                .toList();
    }

    /** A query as the application sees it inside the tenant (row-level security applies). */
    private <T> T inTenant(UUID tenant, java.util.function.Supplier<T> query) {
        return id.lapak.tenant.context.TenantContext.callAs(
                tenant,
                () -> new org.springframework.transaction.support.TransactionTemplate(transactions)
                        .execute(s -> query.get()));
    }

    @Test
    void everySandboxTestCardGetsItsOutcomeThroughTheSimulator() throws Exception {
        Shop shop = shop("Kartu");
        // What the partial-approval card has left (other tests in this run may have spent some of it).
        long partialLeft = acquirer.balanceOf(SandboxTestCard.PARTIAL_APPROVAL).availableMinor();
        record Expect(SandboxTestCard card, long amount, String outcome, String code, CardBrand brand) {}
        List<Expect> expectations = List.of(
                new Expect(SandboxTestCard.VISA_APPROVED, 100_000, "APPROVED", "00", CardBrand.VISA),
                new Expect(SandboxTestCard.MASTERCARD_APPROVED, 100_000, "APPROVED", "00", CardBrand.MASTERCARD),
                new Expect(SandboxTestCard.JCB_APPROVED, 100_000, "APPROVED", "00", CardBrand.JCB),
                new Expect(SandboxTestCard.AMEX_APPROVED, 100_000, "APPROVED", "00", CardBrand.AMEX),
                new Expect(SandboxTestCard.UNIONPAY_APPROVED, 100_000, "APPROVED", "00", CardBrand.UNIONPAY),
                new Expect(SandboxTestCard.GPN_APPROVED, 100_000, "APPROVED", "00", CardBrand.GPN),
                new Expect(SandboxTestCard.INSUFFICIENT_FUNDS, 60_000, "DECLINED", "51", CardBrand.VISA),
                new Expect(SandboxTestCard.DO_NOT_HONOUR, 100_000, "DECLINED", "05", CardBrand.VISA),
                new Expect(SandboxTestCard.EXPIRED, 100_000, "DECLINED", "54", CardBrand.VISA),
                new Expect(SandboxTestCard.INVALID_CARD, 100_000, "DECLINED", "14", CardBrand.VISA),
                new Expect(SandboxTestCard.ISSUER_UNAVAILABLE, 100_000, "DECLINED", "91", CardBrand.VISA),
                new Expect(SandboxTestCard.PARTIAL_APPROVAL, 150_000, "PARTIALLY_APPROVED", "10", CardBrand.VISA),
                new Expect(SandboxTestCard.TIMEOUT, 100_000, "TIMED_OUT", "68", CardBrand.VISA));
        assertThat(expectations).extracting(Expect::card).containsExactlyInAnyOrder(SandboxTestCard.values());
        for (Expect e : expectations) {
            PaymentReply reply = shop.device().pay(draft(e.amount(), e.card().pan()));
            assertThat(reply.outcome()).as(e.card().name()).isEqualTo(e.outcome());
            assertThat(reply.responseCode()).as(e.card().name()).isEqualTo(e.code());
            assertThat(reply.body().path("brand").asString())
                    .as(e.card().name())
                    .isEqualTo(e.brand().name());
            String pan = e.card().pan();
            assertThat(reply.body().path("maskedPan").asString())
                    .isEqualTo(pan.substring(0, 6) + "*".repeat(pan.length() - 10) + pan.substring(pan.length() - 4));
            assertThat(reply.json()).doesNotContain(pan);
        }
        SaleSummary partial = TestUsers.as(
                shop.merchant().admin(),
                () -> sales.search(
                                SaleFilter.all().withAmount(150_000L, 150_000L),
                                org.springframework.data.domain.Pageable.unpaged())
                        .getContent()
                        .getFirst());
        // The card holds at most Rp 100.000 (whole rupiah): Rp 150.000 asked, what it had left approved and captured.
        assertThat(partialLeft).isPositive().isLessThanOrEqualTo(100_000);
        assertThat(partial.authorizedMinor()).isEqualTo(partialLeft);
        assertThat(partial.capturedMinor()).isEqualTo(partialLeft);

        // Lapak's own checks answer before the acquirer is asked: Luhn, and an expiry in the past.
        PaymentReply luhn = shop.device().pay(draft(1_000, "4111111111111112"));
        assertThat(luhn.outcome()).isEqualTo("DECLINED");
        assertThat(luhn.declineReason()).isEqualTo("invalid_card_number");
        assertThat(journal(luhn.paymentId())).isEmpty();
        PaymentReply expired = shop.device().pay(PaymentDraft.of(1_000, "IDR", "4111111111111111", "2001"));
        assertThat(expired.declineReason()).isEqualTo("expired_card");
        assertThat(journal(expired.paymentId())).isEmpty();

        var totals = TestUsers.as(shop.merchant().admin(), () -> sales.totals(SaleFilter.all()));
        assertThat(totals).singleElement().satisfies(t -> {
            assertThat(t.count()).isEqualTo(expectations.size() + 2);
            assertThat(t.approvedCount()).isEqualTo(7);
            assertThat(t.approvedMinor()).isEqualTo(6 * 100_000 + partialLeft);
            assertThat(t.declinedCount() + t.unfinishedCount()).isEqualTo(t.count() - t.approvedCount());
            assertThat(t.unfinishedCount())
                    .as("the timed-out payment, reversed")
                    .isEqualTo(1);
        });
        assertThat(TestUsers.as(
                        shop.merchant().admin(),
                        () -> sales.count(SaleFilter.all().withBrand(CardBrand.GPN))))
                .isEqualTo(1);
        assertThat(TestUsers.as(
                        shop.merchant().admin(),
                        () -> sales.count(
                                SaleFilter.all().withLast4("0002").withStatuses(Set.of(SaleStatus.DECLINED)))))
                .isEqualTo(1);
    }

    @Test
    void manualCaptureVoidAndPartialAndFullRefundsWithTheOverRefundRefused() throws Exception {
        Shop shop = shop("Tangkap");
        var admin = shop.merchant().admin();
        TestUsers.run(admin, () -> sales.setCaptureMode(CaptureMode.MANUAL));
        var cashier = TestUsers.user(
                shop.merchant().tenant(), Set.of(shop.merchant().store().id()), Role.CASHIER);
        assertThatThrownBy(() -> TestUsers.run(cashier, () -> sales.setCaptureMode(CaptureMode.IMMEDIATE)))
                .isInstanceOf(AccessDeniedException.class);

        PaymentReply paid = shop.device().pay(draft(200_000, SandboxTestCard.MASTERCARD_APPROVED.pan()));
        assertThat(paid.saleStatus()).isEqualTo("AUTHORIZED");
        UUID sale = paid.paymentId();
        assertThat(acquirer.balanceOf(SandboxTestCard.MASTERCARD_APPROVED).heldMinor())
                .isGreaterThanOrEqualTo(200_000);
        assertThatThrownBy(() -> TestUsers.as(admin, () -> sales.refund(sale, 1_000, false, "too early")))
                .isInstanceOfSatisfying(
                        PaymentRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo("not_captured"));
        assertThatThrownBy(() -> TestUsers.as(cashier, () -> sales.capture(sale)))
                .isInstanceOf(AccessDeniedException.class);

        SaleDetails captured = TestUsers.as(admin, () -> sales.capture(sale));
        assertThat(captured.sale().status()).isEqualTo(SaleStatus.CAPTURED);
        assertThat(captured.sale().capturedMinor()).isEqualTo(200_000);
        assertThatThrownBy(() -> TestUsers.as(admin, () -> sales.voidPayment(sale, "changed mind")))
                .isInstanceOfSatisfying(
                        PaymentRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo("already_captured"));

        var manager = TestUsers.user(
                shop.merchant().tenant(), Set.of(shop.merchant().store().id()), Role.STORE_MANAGER);
        SaleDetails partly = TestUsers.as(manager, () -> sales.refund(sale, 50_000, false, "one item returned"));
        assertThat(partly.sale().status()).isEqualTo(SaleStatus.PARTIALLY_REFUNDED);
        assertThatThrownBy(() -> TestUsers.as(admin, () -> sales.refund(sale, 150_001, false, "too much")))
                .isInstanceOfSatisfying(
                        PaymentRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo("refund_exceeds_captured"));
        SaleDetails full = TestUsers.as(admin, () -> sales.refund(sale, 150_000, false, "the rest"));
        assertThat(full.sale().status()).isEqualTo(SaleStatus.REFUNDED);
        assertThat(full.sale().refundedMinor()).isEqualTo(200_000);
        assertThat(full.timeline())
                .extracting(e -> e.kind().name() + ":" + e.status().name())
                .containsExactly("AUTHORIZE:SUCCEEDED", "CAPTURE:SUCCEEDED", "REFUND:SUCCEEDED", "REFUND:SUCCEEDED");
        assertThat(full.timeline())
                .allSatisfy(e -> assertThat(e.gatewayReference()).isNotBlank());
        assertThat(journal(sale))
                .extracting(JournalEntry::operation)
                .containsExactly(
                        JournalEntry.Operation.AUTHORIZE,
                        JournalEntry.Operation.CAPTURE,
                        JournalEntry.Operation.REFUND,
                        JournalEntry.Operation.REFUND);
        assertThatThrownBy(() -> shop.device().refund(sale, 1, false, "once more", null))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.reason()).isEqualTo("refund_exceeds_captured"));
        UUID tenant = shop.merchant().tenant();
        assertThat(inTenant(
                        tenant,
                        () -> jdbc.sql("select count(*) from audit_entry where tenant_id = ? and action like 'sale.%'")
                                .param(tenant)
                                .query(Long.class)
                                .single()))
                .isEqualTo(3);

        PaymentReply other = shop.device().pay(draft(70_000, SandboxTestCard.VISA_APPROVED.pan()));
        PaymentReply voided = shop.device().voidPayment(other.paymentId(), "customer left");
        assertThat(voided.saleStatus()).isEqualTo("VOIDED");
        assertThat(journal(other.paymentId()))
                .extracting(JournalEntry::operation)
                .containsExactly(JournalEntry.Operation.AUTHORIZE, JournalEntry.Operation.VOID);

        // A manager of another store does not see the sale at all.
        var elsewhere = TestUsers.user(shop.merchant().tenant(), Set.of(UUID.randomUUID()), Role.STORE_MANAGER);
        assertThatThrownBy(() -> TestUsers.as(elsewhere, () -> sales.get(sale)))
                .isInstanceOf(SaleNotFoundException.class);
    }

    @Test
    void fiftyConcurrentIdenticalRequestsMakeOneAuthorizationAndOneSale() throws Exception {
        Shop shop = shop("Serbu");
        sandbox.setDelay(Duration.ofMillis(300));
        String body = shop.device().paymentJson(draft(123_400, SandboxTestCard.JCB_APPROVED.pan()));
        var start = new CountDownLatch(1);
        List<Future<PaymentReply>> replies = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(50)) {
            for (int i = 0; i < 50; i++) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return shop.device().sendPayment(body);
                }));
            }
            start.countDown();
        }
        List<PaymentReply> answers = new ArrayList<>();
        for (Future<PaymentReply> f : replies) {
            answers.add(f.get());
        }
        UUID id = answers.getFirst().paymentId();
        assertThat(answers).allSatisfy(a -> {
            assertThat(a.paymentId()).isEqualTo(id);
            assertThat(a.outcome()).isEqualTo("APPROVED");
        });
        assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(1);
        assertThat(answers).filteredOn(PaymentReply::replayed).hasSize(49);
        assertThat(journal(id))
                .filteredOn(e -> e.operation() == JournalEntry.Operation.AUTHORIZE)
                .hasSize(1);
        assertThat(TestUsers.as(shop.merchant().admin(), () -> sales.count(SaleFilter.all())))
                .isEqualTo(1);
        assertThat(RecordedSaleEvents.RECEIVED)
                .filteredOn(e -> e instanceof SaleCompleted c && c.saleId().equals(id))
                .hasSize(1);
    }

    @Test
    void aRetryAfterANodeDiedMidAuthorizationTakesTheLeaseOverWithoutASecondHold() throws Exception {
        Shop shop = shop("Mati");
        String body = shop.device().paymentJson(draft(77_000, SandboxTestCard.UNIONPAY_APPROVED.pan()));
        PaymentReply first = shop.device().sendPayment(body);
        assertThat(first.saleStatus()).isEqualTo("CAPTURED");
        var balance = acquirer.balanceOf(SandboxTestCard.UNIONPAY_APPROVED);
        // What a node dying between the acquirer's answer and storing it leaves behind: a pending sale whose
        // lease ran out, with nothing of the answer stored.
        try (Connection owner = DriverManager.getConnection(url, "lapak_owner", "lapak_owner");
                var s = owner.createStatement()) {
            s.executeUpdate("delete from payment_operation where sale_id = '" + first.paymentId() + "'");
            s.executeUpdate("update sale set status = 'PENDING', claimed_until = now() - interval '1 second', "
                    + "authorized_minor = 0, captured_minor = 0, authorization_code = null, response_code = null "
                    + "where id = '" + first.paymentId() + "'");
        }
        PaymentReply retry = shop.device().sendPayment(body);
        assertThat(retry.paymentId()).isEqualTo(first.paymentId());
        assertThat(retry.outcome()).isEqualTo("APPROVED");
        assertThat(retry.saleStatus()).isEqualTo("CAPTURED");
        assertThat(retry.body().path("authorizationCode").asString())
                .isEqualTo(first.body().path("authorizationCode").asString());
        var after = acquirer.balanceOf(SandboxTestCard.UNIONPAY_APPROVED);
        assertThat(after.balanceMinor()).isEqualTo(balance.balanceMinor());
        assertThat(after.heldMinor()).isEqualTo(balance.heldMinor());
        assertThat(journal(first.paymentId()))
                .extracting(JournalEntry::operation)
                .containsExactly(JournalEntry.Operation.AUTHORIZE, JournalEntry.Operation.CAPTURE);
        assertThat(shop.device().sendPayment(body).replayed()).isTrue();
    }

    @Test
    void aTimeoutIsReversedAndARetryNeverHoldsTwice() throws Exception {
        Shop shop = shop("Lambat");
        long heldBefore = acquirer.balanceOf(SandboxTestCard.TIMEOUT).heldMinor();
        String body = shop.device().paymentJson(draft(250_000, SandboxTestCard.TIMEOUT.pan()));
        PaymentReply first = shop.device().sendPayment(body);
        assertThat(first.outcome()).isEqualTo("TIMED_OUT");
        assertThat(first.saleStatus()).isEqualTo("REVERSED");
        assertThat(first.body().path("message").asString()).contains("nothing was charged");
        PaymentReply retry = shop.device().sendPayment(body);
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.saleStatus()).isEqualTo("REVERSED");
        assertThat(acquirer.balanceOf(SandboxTestCard.TIMEOUT).heldMinor()).isEqualTo(heldBefore);
        assertThat(journal(first.paymentId()))
                .extracting(JournalEntry::operation)
                .containsExactly(JournalEntry.Operation.AUTHORIZE, JournalEntry.Operation.REVERSAL);

        // The whole acquirer losing its answers: same outcome for an ordinary card.
        long visaHeld = acquirer.balanceOf(SandboxTestCard.VISA_APPROVED).heldMinor();
        sandbox.failNext(1, FailMode.TIMEOUT);
        PaymentReply lost = shop.device().pay(draft(99_000, SandboxTestCard.VISA_APPROVED.pan()));
        assertThat(lost.outcome()).isEqualTo("TIMED_OUT");
        assertThat(acquirer.balanceOf(SandboxTestCard.VISA_APPROVED).heldMinor())
                .isEqualTo(visaHeld);

        // An acquirer that does not answer at all: Lapak stops waiting (2 s in tests), reverses, and answers.
        sandbox.setDelay(Duration.ofSeconds(4));
        PaymentReply silent = shop.device().pay(draft(55_000, SandboxTestCard.VISA_APPROVED.pan()));
        assertThat(silent.outcome()).isEqualTo("TIMED_OUT");
        assertThat(silent.saleStatus()).isEqualTo("REVERSED");
        sandbox.setDelay(Duration.ZERO);
        Thread.sleep(2_500);
        assertThat(acquirer.balanceOf(SandboxTestCard.VISA_APPROVED).heldMinor())
                .isEqualTo(visaHeld);
        assertThat(shop.device()
                        .sendPayment(shop.device().paymentJson(draft(1_000, SandboxTestCard.VISA_APPROVED.pan())))
                        .outcome())
                .isEqualTo("APPROVED");

        // Unreachable: nothing held, a clear answer.
        sandbox.failNext(1, FailMode.UNAVAILABLE);
        PaymentReply unreachable = shop.device().pay(draft(99_000, SandboxTestCard.VISA_APPROVED.pan()));
        assertThat(unreachable.outcome()).isEqualTo("FAILED");
        assertThat(unreachable.declineReason()).isEqualTo("gateway_unavailable");
    }

    @Test
    void offlinePaymentsArriveWithTheirOriginalTimeAndADeclineIsFlagged() throws Exception {
        Shop shop = shop("Luring");
        Instant takenAt = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        UUID variant = TestCatalog.variant(catalog, shop.merchant().admin(), "Roti");
        var lines = List.of(new PaymentDraft.Line(variant, "Roti", 3, 10_000, 0, 30_000));
        shop.device()
                .offline()
                .store(new PaymentDraft(
                        UUID.randomUUID().toString(),
                        30_000,
                        "IDR",
                        0,
                        lines,
                        null,
                        "CONTACTLESS",
                        takenAt,
                        true,
                        SandboxTestCard.VISA_APPROVED.pan(),
                        FUTURE,
                        null));
        shop.device()
                .offline()
                .store(new PaymentDraft(
                        UUID.randomUUID().toString(),
                        30_000,
                        "IDR",
                        0,
                        lines,
                        null,
                        "SWIPE",
                        takenAt.plusSeconds(60),
                        true,
                        SandboxTestCard.DO_NOT_HONOUR.pan(),
                        FUTURE,
                        SandboxTestCard.DO_NOT_HONOUR.pan() + "D" + FUTURE + "201"));
        assertThat(shop.device().home().offlinePayments()).hasSize(2);
        shop.device()
                .heartbeat(new Heartbeat(
                        80,
                        false,
                        "1.2.0",
                        "1.0.0",
                        Heartbeat.Connectivity.WIFI,
                        -60,
                        shop.device().home().offlinePayments().size(),
                        null));
        UUID deviceId = shop.device().home().pairing().deviceId();
        assertThat(TestUsers.as(shop.merchant().admin(), () -> devices.get(deviceId))
                        .pendingUploads())
                .isEqualTo(2);

        var uploads = shop.device().offline().upload();
        assertThat(uploads).extracting(u -> u.reply().outcome()).containsExactly("APPROVED", "DECLINED");
        assertThat(shop.device().home().offlinePayments()).isEmpty();

        List<SaleSummary> arrived = TestUsers.as(shop.merchant().admin(), () -> sales.offlineUploads(deviceId, 10));
        assertThat(arrived).hasSize(2).allSatisfy(s -> assertThat(s.offline()).isTrue());
        assertThat(arrived).extracting(SaleSummary::soldAt).containsExactlyInAnyOrder(takenAt, takenAt.plusSeconds(60));
        SaleSummary declined = arrived.stream()
                .filter(s -> s.status() == SaleStatus.DECLINED)
                .findFirst()
                .orElseThrow();
        assertThat(declined.offlineDeclined()).isTrue();
        assertThat(TestUsers.as(
                        shop.merchant().admin(),
                        () -> sales.search(
                                        SaleFilter.offlineDeclined(),
                                        org.springframework.data.domain.PageRequest.of(0, 10))
                                .getContent()))
                .extracting(SaleSummary::id)
                .containsExactly(declined.id());
        assertThat(TestUsers.as(shop.merchant().admin(), () -> sales.get(declined.id()))
                        .lines())
                .singleElement()
                .satisfies(l -> assertThat(l.variantId()).isEqualTo(variant));
        assertThat(TestUsers.as(
                        shop.merchant().admin(),
                        () -> sales.count(
                                SaleFilter.all().withOffline(true).withPeriod(takenAt, takenAt.plusSeconds(1)))))
                .isEqualTo(1);

        // Over the configured offline amount: declined by Lapak, flagged the same way.
        PaymentReply tooMuch = shop.device()
                .sendPayment(shop.device()
                        .paymentJson(draft(1_000_001, SandboxTestCard.VISA_APPROVED.pan())
                                .offlineAt(Instant.now())));
        assertThat(tooMuch.declineReason()).isEqualTo("offline_limit_exceeded");
        assertThat(journal(tooMuch.paymentId())).isEmpty();
    }

    @Test
    void aSalePublishesItsLinesAndARefundWithRestockReturnsThem() throws Exception {
        Shop shop = shop("Stok");
        UUID tea = TestCatalog.variant(catalog, shop.merchant().admin(), "Teh");
        UUID cake = TestCatalog.variant(catalog, shop.merchant().admin(), "Kue");
        PaymentReply paid = shop.device()
                .pay(draft(65_000, SandboxTestCard.UNIONPAY_APPROVED.pan())
                        .withLines(List.of(
                                new PaymentDraft.Line(tea, "Teh", 2, 15_000, 0, 30_000),
                                new PaymentDraft.Line(cake, "Kue", 1, 30_000, 0, 30_000)))
                        .withTip(5_000));
        SaleCompleted completed = RecordedSaleEvents.RECEIVED.stream()
                .filter(e -> e instanceof SaleCompleted c && c.saleId().equals(paid.paymentId()))
                .map(SaleCompleted.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(completed.tenantId()).isEqualTo(shop.merchant().tenant());
        assertThat(completed.storeId()).isEqualTo(shop.merchant().store().id());
        assertThat(completed.deviceId())
                .isEqualTo(shop.device().home().pairing().deviceId());
        assertThat(completed.totalMinor()).isEqualTo(65_000);
        assertThat(completed.tipMinor()).isEqualTo(5_000);
        assertThat(completed.lines())
                .extracting(l -> l.variantId() + "x" + l.quantity())
                .containsExactly(tea + "x2", cake + "x1");

        PaymentReply refunded = shop.device().refund(paid.paymentId(), 65_000, true, "wrong order", "rf-1");
        assertThat(refunded.saleStatus()).isEqualTo("REFUNDED");
        // The same refund request again: answered, not refunded twice.
        assertThat(shop.device()
                        .refund(paid.paymentId(), 65_000, true, "wrong order", "rf-1")
                        .saleStatus())
                .isEqualTo("REFUNDED");
        List<SaleRefunded> refunds = RecordedSaleEvents.RECEIVED.stream()
                .filter(e -> e instanceof SaleRefunded r && r.saleId().equals(paid.paymentId()))
                .map(SaleRefunded.class::cast)
                .toList();
        assertThat(refunds).singleElement().satisfies(r -> {
            assertThat(r.amountMinor()).isEqualTo(65_000);
            assertThat(r.returnedLines())
                    .extracting(l -> l.variantId() + "x" + l.quantity())
                    .containsExactly(tea + "x2", cake + "x1");
        });
        UUID tenant = shop.merchant().tenant();
        assertThat(inTenant(
                        tenant,
                        () -> jdbc.sql(
                                        "select actor_kind from audit_entry where tenant_id = ? and action = 'sale.refund'")
                                .param(tenant)
                                .query(String.class)
                                .list()))
                .containsExactly("DEVICE");
    }

    @Test
    void anApprovedSaleTheStockSideRefusesIsReversedAndAnsweredAsFailed() throws Exception {
        Shop shop = shop("Tolak");
        var before = acquirer.balanceOf(SandboxTestCard.AMEX_APPROVED);
        PaymentReply reply = shop.device()
                .pay(draft(12_000, SandboxTestCard.AMEX_APPROVED.pan())
                        .withLines(List.of(new PaymentDraft.Line(
                                TestCatalog.variant(catalog, shop.merchant().admin(), "Barang"),
                                RecordedSaleEvents.REFUSED_DESCRIPTION,
                                1,
                                12_000,
                                0,
                                12_000))));
        assertThat(reply.outcome()).isEqualTo("FAILED");
        assertThat(reply.declineReason()).isEqualTo("sale_not_recorded");
        var after = acquirer.balanceOf(SandboxTestCard.AMEX_APPROVED);
        assertThat(after.balanceMinor()).isEqualTo(before.balanceMinor());
        assertThat(after.heldMinor()).isEqualTo(before.heldMinor());
        assertThat(journal(reply.paymentId()))
                .extracting(JournalEntry::operation)
                .endsWith(JournalEntry.Operation.REVERSAL);
        SaleDetails details = TestUsers.as(shop.merchant().admin(), () -> sales.get(reply.paymentId()));
        assertThat(details.sale().status()).isEqualTo(SaleStatus.FAILED);
        assertThat(details.timeline()).extracting(e -> e.kind().name()).endsWith("REVERSAL");
    }

    @Test
    void aDeviceOfOneTenantCannotSeeOrRefundAnotherTenantsSale() throws Exception {
        Shop a = shop("Alfa");
        Shop b = shop("Bravo");
        PaymentReply paid = a.device().pay(draft(40_000, SandboxTestCard.VISA_APPROVED.pan()));
        UUID sale = paid.paymentId();
        assertThatThrownBy(() -> b.device().payment(sale))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> b.device().refund(sale, 40_000, false, "steal", null))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThat(a.device().payment(sale).saleStatus()).isEqualTo("CAPTURED");
        assertThatThrownBy(() -> TestUsers.as(b.merchant().admin(), () -> sales.get(sale)))
                .isInstanceOf(SaleNotFoundException.class);
        assertThat(TestUsers.as(b.merchant().admin(), () -> sales.count(SaleFilter.all())))
                .isZero();
        TestUsers.run(a.merchant().admin(), () -> sales.setCaptureMode(CaptureMode.IMMEDIATE));

        // The database itself, as the application's role: tenant B's setting shows none of A's rows.
        try (Connection c = DriverManager.getConnection(url, "lapak_app", "lapak_app")) {
            c.setAutoCommit(false);
            for (String table : List.of("sale", "sale_line", "payment_operation", "payment_settings")) {
                assertThat(count(
                                c,
                                b.merchant().tenant(),
                                "select count(*) from " + table + " where tenant_id = '"
                                        + a.merchant().tenant() + "'"))
                        .as(table)
                        .isZero();
                assertThat(count(c, null, "select count(*) from " + table))
                        .as(table + " without tenant")
                        .isZero();
            }
            assertThat(count(c, a.merchant().tenant(), "select count(*) from sale"))
                    .isEqualTo(1);
            assertThat(count(c, a.merchant().tenant(), "select count(*) from payment_settings"))
                    .isEqualTo(1);
            c.rollback();
            seal.apply(c, b.merchant().tenant());
            try (var s = c.createStatement()) {
                assertThat(s.executeUpdate("update sale set status = 'VOIDED' where id = '" + sale + "'"))
                        .isZero();
            }
            c.rollback();
        }
    }

    @Test
    void noCardNumberReachesTheLogsTheSaleRowsOrTheAuditLog() throws Exception {
        Logger root = (Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        String pan = "5555555555554444";
        Shop shop;
        try {
            shop = shop("Rahasia");
            PaymentReply paid = shop.device().pay(draft(10_000, pan));
            shop.device().refund(paid.paymentId(), 10_000, false, "test", null);
            sandbox.failNext(1, FailMode.TIMEOUT);
            shop.device().pay(draft(10_000, pan));
            assertThatThrownBy(
                            () -> shop.device()
                                    .sendPayment(
                                            "{\"idempotencyKey\":\"x\",\"amountMinor\":1,"
                                                    + "\"currency\":\"IDR\",\"entryMode\":\"CHIP\",\"deviceTime\":\"2026-01-01T00:00:00Z\","
                                                    + "\"card\":{\"algorithm\":\"AES128\",\"ksn\":\"00\",\"iv\":\"AA==\",\"ciphertext\":\"AA==\"}}"))
                    .isInstanceOfSatisfying(
                            ApiException.class, e -> assertThat(e.reason()).isEqualTo("card_data_unreadable"));
        } finally {
            root.detachAppender(appender);
        }
        assertThat(appender.list).allSatisfy(e -> {
            assertThat(e.getFormattedMessage()).doesNotContain(pan);
            if (e.getThrowableProxy() != null) {
                assertThat(ch.qos.logback.classic.spi.ThrowableProxyUtil.asString(e.getThrowableProxy()))
                        .doesNotContain(pan);
            }
        });
        UUID tenant = shop.merchant().tenant();
        String rows = inTenant(
                tenant,
                () -> jdbc.sql("select string_agg(s::text, '|') from sale s where tenant_id = ?")
                        .param(tenant)
                        .query(String.class)
                        .single());
        assertThat(rows).contains("555555******4444").doesNotContain(pan);
        String audit = inTenant(
                tenant,
                () -> jdbc.sql("select coalesce(string_agg(a::text, '|'), '') from audit_entry a where tenant_id = ?")
                        .param(tenant)
                        .query(String.class)
                        .single());
        assertThat(audit).doesNotContain(pan).doesNotContain("55555555");

        // The keyed fingerprint links a returning card within the tenant, and only there.
        List<String> fingerprints = inTenant(
                tenant,
                () -> jdbc.sql(
                                "select distinct encode(card_fingerprint, 'hex') from sale where tenant_id = ? and pan_last4 = '4444'")
                        .param(tenant)
                        .query(String.class)
                        .list());
        assertThat(fingerprints).hasSize(1);
        Shop other = shop("Lain");
        other.device().pay(draft(10_000, pan));
        UUID otherTenant = other.merchant().tenant();
        String elsewhere = inTenant(
                otherTenant,
                () -> jdbc.sql("select encode(card_fingerprint, 'hex') from sale where tenant_id = ?")
                        .param(otherTenant)
                        .query(String.class)
                        .single());
        assertThat(elsewhere).isNotEqualTo(fingerprints.getFirst());
    }

    private long count(Connection c, UUID tenant, String sql) throws Exception {
        if (tenant == null) {
            try (PreparedStatement ps = c.prepareStatement("select set_config('app.tenant_id', '', true)")) {
                ps.execute();
            }
        } else {
            seal.apply(c, tenant);
        }
        try (var s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

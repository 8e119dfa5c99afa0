package id.lapak.sale;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import id.lapak.billing.gateway.sandbox.FailMode;
import id.lapak.billing.gateway.sandbox.JournalEntry;
import id.lapak.billing.gateway.sandbox.SandboxAcquirer;
import id.lapak.billing.gateway.sandbox.SandboxControls;
import id.lapak.billing.gateway.sandbox.SandboxSettlementFile;
import id.lapak.billing.gateway.sandbox.SandboxTestCard;
import id.lapak.billing.sale.SaleDetails;
import id.lapak.billing.sale.SaleStatus;
import id.lapak.billing.sale.SalesService;
import id.lapak.billing.sale.reversal.ReversalSweeper;
import id.lapak.catalog.items.CatalogService;
import id.lapak.device.pairing.PairingCodes;
import id.lapak.simulator.DeviceClient;
import id.lapak.simulator.PaymentDraft;
import id.lapak.simulator.PaymentReply;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.store.StoreService;
import id.lapak.testing.SameSecurityContextStrategy;
import id.lapak.testing.TestCatalog;
import id.lapak.testing.TestMerchants;
import id.lapak.testing.TestMerchants.Merchant;
import id.lapak.testing.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The reversal sweeper gives back funds held for sales whose reversal was never confirmed and whose device never
 * replays the payment. The sale is made REVERSAL_PENDING the real way: a device pays, the acquirer holds the funds but
 * its answer is lost, and it then refuses every reversal. The sweeper's work is called directly with the time the
 * test chooses (the scheduler does not run in tests).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(SameSecurityContextStrategy.class)
@Import(RecordedSaleEvents.class)
class ReversalSweepIntegrationTest {

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
    SandboxControls sandbox;

    @Autowired
    SandboxAcquirer acquirer;

    @Autowired
    SandboxSettlementFile settlement;

    @Autowired
    ReversalSweeper sweeper;

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

    /** Pays with the acquirer answering only the first {@code answered} calls and refusing everything after. */
    private static PaymentReply payWithReversalsRefused(
            SandboxControls sandbox, Shop shop, PaymentDraft draft, int answered) throws Exception {
        sandbox.setFailMode(FailMode.UNAVAILABLE);
        sandbox.failNext(answered, FailMode.NONE);
        return shop.device().pay(draft);
    }

    private SaleDetails details(Shop shop, UUID sale) {
        return TestUsers.as(shop.merchant().admin(), () -> sales.get(sale));
    }

    private static List<String> timeline(SaleDetails details) {
        return details.timeline().stream()
                .map(e -> e.kind() + ":" + e.status() + ":" + e.actor())
                .toList();
    }

    /** What the acquirer did about a sale: its authorization (request id = sale id) and everything that names it. */
    private List<JournalEntry.Operation> journal(UUID saleId) {
        List<JournalEntry> all = settlement.entries(
                Instant.now().minus(1, ChronoUnit.HOURS), Instant.now().plusSeconds(5));
        Set<String> references = new HashSet<>();
        references.add(saleId.toString());
        all.stream()
                .filter(e -> e.requestId().equals(saleId.toString()) && e.reference() != null)
                .forEach(e -> references.add(e.reference()));
        return all.stream()
                .filter(e ->
                        e.requestId().startsWith(saleId.toString()) || references.contains(e.authorizationReference()))
                .map(JournalEntry::operation)
                .toList();
    }

    @Test
    void aTimedOutSaleWhoseReversalFailedIsReversedByTheSweeperAndASecondRunDoesNothing() throws Exception {
        Shop shop = shop("Sapu");
        SandboxTestCard card = SandboxTestCard.TIMEOUT;
        var before = acquirer.balanceOf(card);
        PaymentReply reply =
                payWithReversalsRefused(sandbox, shop, PaymentDraft.of(180_000, "IDR", card.pan(), FUTURE), 1);
        UUID sale = reply.paymentId();
        assertThat(reply.outcome()).isEqualTo("TIMED_OUT");
        assertThat(reply.saleStatus()).isEqualTo("REVERSAL_PENDING");
        assertThat(acquirer.balanceOf(card).heldMinor()).isEqualTo(before.heldMinor() + 180_000);
        List<String> pendingTimeline = timeline(details(shop, sale));
        assertThat(pendingTimeline.getLast()).startsWith("REVERSAL:FAILED:device ");

        sandbox.reset(); // the acquirer answers again
        // Within the grace period after the payment's own attempts, the sweeper leaves the sale alone.
        sweeper.sweep(Instant.now());
        assertThat(details(shop, sale).sale().status()).isEqualTo(SaleStatus.REVERSAL_PENDING);
        assertThat(journal(sale)).containsExactly(JournalEntry.Operation.AUTHORIZE);

        ReversalSweeper.Outcome first = sweeper.sweep(Instant.now().plus(Duration.ofMinutes(1)));
        assertThat(first.reversed()).isPositive();
        SaleDetails reversed = details(shop, sale);
        assertThat(reversed.sale().status()).isEqualTo(SaleStatus.REVERSED);
        assertThat(timeline(reversed))
                .hasSize(pendingTimeline.size() + 1)
                .endsWith("REVERSAL:SUCCEEDED:reversal sweeper");
        assertThat(reversed.timeline().getLast().gatewayReference()).isNotBlank();
        var after = acquirer.balanceOf(card);
        assertThat(after.heldMinor()).isEqualTo(before.heldMinor());
        assertThat(after.balanceMinor()).isEqualTo(before.balanceMinor());
        assertThat(journal(sale)).containsExactly(JournalEntry.Operation.AUTHORIZE, JournalEntry.Operation.REVERSAL);

        ReversalSweeper.Outcome second = sweeper.sweep(Instant.now().plus(Duration.ofMinutes(2)));
        assertThat(second.reversed()).isZero();
        assertThat(timeline(details(shop, sale))).isEqualTo(timeline(reversed));
        assertThat(journal(sale)).containsExactly(JournalEntry.Operation.AUTHORIZE, JournalEntry.Operation.REVERSAL);
        // The device replaying the payment now gets the resolved sale.
        assertThat(shop.device().payment(sale).saleStatus()).isEqualTo("REVERSED");
    }

    @Test
    void aReversalTheAcquirerStillRefusesLeavesTheSalePendingAndAStuckSaleIsReportedOnce() throws Exception {
        Shop shop = shop("Macet");
        SandboxTestCard card = SandboxTestCard.TIMEOUT;
        var before = acquirer.balanceOf(card);
        PaymentReply reply =
                payWithReversalsRefused(sandbox, shop, PaymentDraft.of(64_000, "IDR", card.pan(), FUTURE), 1);
        UUID sale = reply.paymentId();
        assertThat(reply.saleStatus()).isEqualTo("REVERSAL_PENDING");
        List<String> pendingTimeline = timeline(details(shop, sale));

        Logger logger = (Logger) org.slf4j.LoggerFactory.getLogger(ReversalSweeper.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        Instant now = Instant.now();
        try {
            ReversalSweeper.Outcome refused = sweeper.sweep(now.plus(Duration.ofMinutes(1)));
            assertThat(refused.stillPending()).isPositive();
            SaleDetails still = details(shop, sale);
            assertThat(still.sale().status()).isEqualTo(SaleStatus.REVERSAL_PENDING);
            assertThat(timeline(still)).isEqualTo(pendingTimeline);
            assertThat(acquirer.balanceOf(card).heldMinor()).isEqualTo(before.heldMinor() + 64_000);
            assertThat(warningsAbout(log, sale)).isEmpty();

            // A day later it is still not reversed: support hears of it once, not on every run.
            sweeper.sweep(now.plus(Duration.ofHours(25)));
            sweeper.sweep(now.plus(Duration.ofHours(26)));
            assertThat(warningsAbout(log, sale)).hasSize(1);
            assertThat(details(shop, sale).sale().status()).isEqualTo(SaleStatus.REVERSAL_PENDING);
        } finally {
            logger.detachAppender(log);
        }
        assertThat(log.list).allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain(card.pan()));

        // Once the acquirer answers again, the next run gives the funds back.
        sandbox.reset();
        sweeper.sweep(now.plus(Duration.ofHours(27)));
        assertThat(details(shop, sale).sale().status()).isEqualTo(SaleStatus.REVERSED);
        assertThat(acquirer.balanceOf(card).heldMinor()).isEqualTo(before.heldMinor());
    }

    @Test
    void anApprovedSaleThatCouldNotBeRecordedEndsFailedOnceTheSweeperReversesIt() throws Exception {
        Shop shop = shop("Gagal");
        SandboxTestCard card = SandboxTestCard.AMEX_APPROVED;
        var before = acquirer.balanceOf(card);
        PaymentDraft draft = PaymentDraft.of(12_000, "IDR", card.pan(), FUTURE)
                .withLines(List.of(new PaymentDraft.Line(
                        TestCatalog.variant(catalog, shop.merchant().admin(), "Barang"),
                        RecordedSaleEvents.REFUSED_DESCRIPTION,
                        1,
                        12_000,
                        0,
                        12_000)));
        // The authorization and the capture are answered; the stock side refuses the sale; every reversal is refused.
        PaymentReply reply = payWithReversalsRefused(sandbox, shop, draft, 2);
        UUID sale = reply.paymentId();
        assertThat(reply.saleStatus()).isEqualTo("REVERSAL_PENDING");
        assertThat(reply.declineReason()).isEqualTo("sale_not_recorded");
        assertThat(acquirer.balanceOf(card).balanceMinor()).isEqualTo(before.balanceMinor() - 12_000);

        sandbox.reset();
        assertThat(sweeper.sweep(Instant.now().plus(Duration.ofMinutes(1))).reversed())
                .isPositive();
        SaleDetails failed = details(shop, sale);
        assertThat(failed.sale().status()).isEqualTo(SaleStatus.FAILED);
        assertThat(failed.sale().declineReason()).isEqualTo("sale_not_recorded");
        assertThat(timeline(failed)).endsWith("REVERSAL:SUCCEEDED:reversal sweeper");
        var after = acquirer.balanceOf(card);
        assertThat(after.balanceMinor()).isEqualTo(before.balanceMinor());
        assertThat(after.heldMinor()).isEqualTo(before.heldMinor());
    }

    private static List<ILoggingEvent> warningsAbout(ListAppender<ILoggingEvent> log, UUID sale) {
        return log.list.stream()
                .filter(e -> e.getLevel() == Level.WARN)
                .filter(e -> e.getFormattedMessage().contains(sale.toString()))
                .toList();
    }
}

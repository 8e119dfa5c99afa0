package id.lapak.billing.gateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapak.billing.gateway.AuthorizationRequest;
import id.lapak.billing.gateway.AuthorizationResult;
import id.lapak.billing.gateway.AuthorizationResult.Outcome;
import id.lapak.billing.gateway.CardBrand;
import id.lapak.billing.gateway.EntryMode;
import id.lapak.billing.gateway.GatewayResult;
import id.lapak.billing.gateway.GatewayTimeoutException;
import id.lapak.billing.gateway.GatewayUnavailableException;
import id.lapak.billing.gateway.sandbox.JournalEntry.Operation;
import id.lapak.cardcrypto.carddata.CardData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SandboxAcquirerTest {

    private static final String KEY = "dGVzdC1vbmx5LXNhbmRib3gtYWNjb3VudC1rZXktMzItYnl0ZXM=";
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryJournal journal = new InMemoryJournal();
    private final SandboxControls controls = new SandboxControls(Duration.ZERO, FailMode.NONE);
    private final SandboxAcquirer acquirer = start();

    private SandboxAcquirer start() {
        SandboxAcquirer started = new SandboxAcquirer(journal, controls, clock, KEY);
        started.afterSingletonsInstantiated();
        return started;
    }

    private static AuthorizationRequest request(String requestId, String pan, String expiry, long amount) {
        return new AuthorizationRequest(
                requestId,
                "M1",
                "T1",
                CardData.of(pan, expiry, null),
                CardBrand.VISA,
                EntryMode.CHIP,
                amount,
                "IDR",
                false,
                Instant.parse("2026-11-25T10:00:00Z"));
    }

    private AuthorizationResult authorize(SandboxTestCard card, long amount) {
        return acquirer.authorize(request(UUID.randomUUID().toString(), card.pan(), "2812", amount));
    }

    @Test
    void authorizationHoldsCaptureMovesRefundReturns() {
        long start = acquirer.balanceOf(SandboxTestCard.VISA_APPROVED).balanceMinor();

        AuthorizationResult auth = authorize(SandboxTestCard.VISA_APPROVED, 150_000);
        assertThat(auth.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(auth.responseCode()).isEqualTo("00");
        assertThat(auth.authorizationCode()).hasSize(6);
        assertThat(auth.approvedAmountMinor()).isEqualTo(150_000);
        assertThat(acquirer.balanceOf(SandboxTestCard.VISA_APPROVED).heldMinor())
                .isEqualTo(150_000);

        GatewayResult capture = acquirer.capture(auth.gatewayReference(), 120_000, "IDR", "c-" + UUID.randomUUID());
        assertThat(capture.success()).isTrue();
        var afterCapture = acquirer.balanceOf(SandboxTestCard.VISA_APPROVED);
        assertThat(afterCapture.heldMinor()).isZero();
        assertThat(afterCapture.balanceMinor()).isEqualTo(start - 120_000);

        assertThat(acquirer.refund(auth.gatewayReference(), 20_000, "IDR", "r1-" + UUID.randomUUID())
                        .success())
                .isTrue();
        GatewayResult tooMuch = acquirer.refund(auth.gatewayReference(), 100_001, "IDR", "r2-" + UUID.randomUUID());
        assertThat(tooMuch.success()).isFalse();
        assertThat(tooMuch.responseCode()).isEqualTo("13");
        assertThat(acquirer.refund(auth.gatewayReference(), 100_000, "IDR", "r3-" + UUID.randomUUID())
                        .success())
                .isTrue();
        assertThat(acquirer.balanceOf(SandboxTestCard.VISA_APPROVED).balanceMinor())
                .isEqualTo(start);
        assertThat(acquirer.voidAuthorization(auth.gatewayReference(), "v-" + UUID.randomUUID())
                        .responseCode())
                .isEqualTo("12");
    }

    @Test
    void captureIsLimitedToTheHoldAndVoidReleasesIt() {
        AuthorizationResult auth = authorize(SandboxTestCard.MASTERCARD_APPROVED, 50_000);
        assertThat(acquirer.capture(
                                auth.gatewayReference(),
                                50_001,
                                "IDR",
                                UUID.randomUUID().toString())
                        .responseCode())
                .isEqualTo("13");
        assertThat(acquirer.capture(
                                auth.gatewayReference(),
                                50_000,
                                "USD",
                                UUID.randomUUID().toString())
                        .success())
                .isFalse();
        assertThat(acquirer.capture("SBXA-unknown", 1, "IDR", UUID.randomUUID().toString())
                        .responseCode())
                .isEqualTo("25");
        assertThat(acquirer.voidAuthorization(
                                auth.gatewayReference(), UUID.randomUUID().toString())
                        .success())
                .isTrue();
        assertThat(acquirer.balanceOf(SandboxTestCard.MASTERCARD_APPROVED).heldMinor())
                .isZero();
        assertThat(acquirer.capture(
                                auth.gatewayReference(),
                                1,
                                "IDR",
                                UUID.randomUUID().toString())
                        .responseCode())
                .isEqualTo("12");
    }

    @Test
    void declinesWithTheDocumentedCodes() {
        assertThat(authorize(SandboxTestCard.INSUFFICIENT_FUNDS, 50_001).responseCode())
                .isEqualTo("51");
        assertThat(authorize(SandboxTestCard.INSUFFICIENT_FUNDS, 50_000).responseCode())
                .isEqualTo("00");
        assertThat(authorize(SandboxTestCard.INSUFFICIENT_FUNDS, 1).responseCode())
                .isEqualTo("51");
        assertThat(authorize(SandboxTestCard.DO_NOT_HONOUR, 100).responseCode()).isEqualTo("05");
        assertThat(authorize(SandboxTestCard.EXPIRED, 100).responseCode()).isEqualTo("54");
        assertThat(authorize(SandboxTestCard.INVALID_CARD, 100).responseCode()).isEqualTo("14");
        assertThat(authorize(SandboxTestCard.ISSUER_UNAVAILABLE, 100).responseCode())
                .isEqualTo("91");
        for (SandboxTestCard card : List.of(
                SandboxTestCard.JCB_APPROVED,
                SandboxTestCard.AMEX_APPROVED,
                SandboxTestCard.UNIONPAY_APPROVED,
                SandboxTestCard.GPN_APPROVED)) {
            assertThat(authorize(card, 100).responseCode()).as(card.name()).isEqualTo("00");
        }
        // Past expiry on the card itself, a number failing the Luhn check.
        assertThat(acquirer.authorize(request("x1", "4111111111111111", "2610", 100))
                        .responseCode())
                .isEqualTo("54");
        assertThat(acquirer.authorize(request("x2", "4111111111111112", "2812", 100))
                        .responseCode())
                .isEqualTo("14");
        assertThat(acquirer.authorize(request("x3", "4111111111111111", "2611", 100))
                        .responseCode())
                .isEqualTo("00");

        controls.setIssuerOnline("Bank Gunung", true);
        assertThat(authorize(SandboxTestCard.ISSUER_UNAVAILABLE, 100).responseCode())
                .isEqualTo("00");
        controls.setIssuerOnline("Bank Nusantara", false);
        assertThat(authorize(SandboxTestCard.VISA_APPROVED, 100).responseCode()).isEqualTo("91");
    }

    @Test
    void partialApprovalForWhatIsAvailable() {
        AuthorizationResult first = authorize(SandboxTestCard.PARTIAL_APPROVAL, 40_000);
        assertThat(first.outcome()).isEqualTo(Outcome.APPROVED);
        AuthorizationResult partial = authorize(SandboxTestCard.PARTIAL_APPROVAL, 80_000);
        assertThat(partial.outcome()).isEqualTo(Outcome.PARTIALLY_APPROVED);
        assertThat(partial.responseCode()).isEqualTo("10");
        assertThat(partial.approvedAmountMinor()).isEqualTo(60_000);
        assertThat(partial.approved()).isTrue();
        assertThat(authorize(SandboxTestCard.PARTIAL_APPROVAL, 1).responseCode())
                .isEqualTo("51");
    }

    @Test
    void unknownValidCardsGetTheDefaultBalance() {
        String pan = "4242424242424242";
        assertThat(acquirer.balanceOf(pan)).isEmpty();
        assertThat(acquirer.authorize(request("u1", pan, "2812", SandboxTestCard.DEFAULT_BALANCE_MINOR + 1))
                        .responseCode())
                .isEqualTo("51");
        assertThat(acquirer.authorize(request("u2", pan, "2812", 1_000)).responseCode())
                .isEqualTo("00");
        assertThat(acquirer.balanceOf(pan).orElseThrow().heldMinor()).isEqualTo(1_000);
    }

    @Test
    void everyOperationIsIdempotentPerRequestId() throws Exception {
        AuthorizationRequest request = request("same-request", SandboxTestCard.VISA_APPROVED.pan(), "2812", 7_000);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<AuthorizationResult>> results = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Callable<AuthorizationResult> call = () ->
                    acquirer.authorize(request("same-request", SandboxTestCard.VISA_APPROVED.pan(), "2812", 7_000));
            results.add(pool.submit(call));
        }
        AuthorizationResult first = results.getFirst().get();
        for (Future<AuthorizationResult> result : results) {
            assertThat(result.get()).isEqualTo(first);
        }
        pool.shutdown();
        assertThat(acquirer.authorize(request)).isEqualTo(first);
        assertThat(acquirer.balanceOf(SandboxTestCard.VISA_APPROVED).heldMinor())
                .isEqualTo(7_000);

        GatewayResult capture = acquirer.capture(first.gatewayReference(), 7_000, "IDR", "cap-1");
        assertThat(acquirer.capture(first.gatewayReference(), 7_000, "IDR", "cap-1"))
                .isEqualTo(capture);
        GatewayResult refund = acquirer.refund(first.gatewayReference(), 3_000, "IDR", "ref-1");
        assertThat(acquirer.refund(first.gatewayReference(), 3_000, "IDR", "ref-1"))
                .isEqualTo(refund);
        assertThat(journal.all())
                .filteredOn(e -> e.operation() == Operation.REFUND)
                .hasSize(1);
        assertThat(journal.all())
                .filteredOn(e -> e.operation() == Operation.AUTHORIZE)
                .hasSize(1);
        assertThatThrownBy(() -> acquirer.refund(first.gatewayReference(), 1, "IDR", "same-request"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentAuthorizationsNeverHoldMoreThanTheBalance() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<AuthorizationResult>> results = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            results.add(pool.submit(() -> authorize(SandboxTestCard.INSUFFICIENT_FUNDS, 1_000)));
        }
        long approved = 0;
        for (Future<AuthorizationResult> result : results) {
            approved += result.get().approvedAmountMinor();
        }
        pool.shutdown();
        assertThat(approved).isEqualTo(50_000);
        assertThat(acquirer.balanceOf(SandboxTestCard.INSUFFICIENT_FUNDS).availableMinor())
                .isZero();
    }

    @Test
    void timeoutCardHoldsFundsUntilReversed() {
        AuthorizationRequest request = request("lost-answer", SandboxTestCard.TIMEOUT.pan(), "2812", 9_000);
        assertThatThrownBy(() -> acquirer.authorize(request)).isInstanceOf(GatewayTimeoutException.class);
        assertThat(acquirer.balanceOf(SandboxTestCard.TIMEOUT).heldMinor()).isEqualTo(9_000);

        GatewayResult reversal = acquirer.reverse("lost-answer");
        assertThat(reversal.success()).isTrue();
        assertThat(acquirer.balanceOf(SandboxTestCard.TIMEOUT).heldMinor()).isZero();
        assertThat(acquirer.reverse("lost-answer")).isEqualTo(reversal);
        assertThat(journal.all())
                .filteredOn(e -> e.operation() == Operation.REVERSAL)
                .hasSize(1);
        // The authorization's own answer is still the first one; it can no longer be captured.
        AuthorizationResult retried =
                acquirer.authorize(request("lost-answer", SandboxTestCard.TIMEOUT.pan(), "2812", 9_000));
        assertThat(retried.approved()).isTrue();
        assertThat(acquirer.capture(retried.gatewayReference(), 9_000, "IDR", "late-capture")
                        .responseCode())
                .isEqualTo("12");
    }

    @Test
    void reversalBeforeTheAuthorizationArrivesDeclinesIt() {
        assertThat(acquirer.reverse("never-seen").success()).isTrue();
        AuthorizationResult late =
                acquirer.authorize(request("never-seen", SandboxTestCard.VISA_APPROVED.pan(), "2812", 5_000));
        assertThat(late.approved()).isFalse();
        assertThat(acquirer.balanceOf(SandboxTestCard.VISA_APPROVED).heldMinor())
                .isZero();
    }

    @Test
    void reversalOfACapturedAuthorizationReturnsTheFunds() {
        long start = acquirer.balanceOf(SandboxTestCard.JCB_APPROVED).balanceMinor();
        AuthorizationRequest request = request("to-reverse", SandboxTestCard.JCB_APPROVED.pan(), "2812", 8_000);
        AuthorizationResult auth = acquirer.authorize(request);
        acquirer.capture(auth.gatewayReference(), 8_000, "IDR", "cap-to-reverse");
        acquirer.refund(auth.gatewayReference(), 3_000, "IDR", "ref-to-reverse");
        assertThat(acquirer.reverse("to-reverse").success()).isTrue();
        assertThat(acquirer.balanceOf(SandboxTestCard.JCB_APPROVED).balanceMinor())
                .isEqualTo(start);
    }

    @Test
    void failModesAndDelay() {
        controls.setFailMode(FailMode.UNAVAILABLE);
        assertThatThrownBy(() -> authorize(SandboxTestCard.VISA_APPROVED, 100))
                .isInstanceOf(GatewayUnavailableException.class);
        assertThat(acquirer.balanceOf(SandboxTestCard.VISA_APPROVED).heldMinor())
                .isZero();
        assertThat(journal.all()).isEmpty();

        controls.setFailMode(FailMode.NONE);
        controls.failNext(1, FailMode.TIMEOUT);
        AuthorizationRequest request = request("timeout-once", SandboxTestCard.VISA_APPROVED.pan(), "2812", 100);
        assertThatThrownBy(() -> acquirer.authorize(request)).isInstanceOf(GatewayTimeoutException.class);
        assertThat(acquirer.authorize(request("timeout-once", SandboxTestCard.VISA_APPROVED.pan(), "2812", 100))
                        .approved())
                .isTrue();
        assertThat(acquirer.balanceOf(SandboxTestCard.VISA_APPROVED).heldMinor())
                .isEqualTo(100);

        controls.setDelay(Duration.ofMillis(150));
        long started = System.nanoTime();
        authorize(SandboxTestCard.VISA_APPROVED, 100);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        controls.reset();
        assertThat(controls.delay()).isZero();
    }

    @Test
    void nothingIsHeldWhenTheJournalCannotBeWritten() {
        journal.failing = true;
        assertThatThrownBy(() ->
                        acquirer.authorize(request("unrecorded", SandboxTestCard.VISA_APPROVED.pan(), "2812", 100)))
                .isInstanceOf(GatewayUnavailableException.class);
        assertThat(acquirer.balanceOf(SandboxTestCard.VISA_APPROVED).heldMinor())
                .isZero();
        journal.failing = false;
        assertThat(acquirer.authorize(request("unrecorded", SandboxTestCard.VISA_APPROVED.pan(), "2812", 100))
                        .approved())
                .isTrue();
    }

    @Test
    void aRestartRebuildsBalancesHoldsAndAnswersFromTheJournal() {
        AuthorizationResult held = authorize(SandboxTestCard.VISA_APPROVED, 10_000);
        AuthorizationRequest capturedRequest =
                request("captured", SandboxTestCard.MASTERCARD_APPROVED.pan(), "2812", 20_000);
        AuthorizationResult captured = acquirer.authorize(capturedRequest);
        acquirer.capture(captured.gatewayReference(), 20_000, "IDR", "cap");
        acquirer.refund(captured.gatewayReference(), 5_000, "IDR", "ref");
        acquirer.reverse("reversed-before-arrival");
        authorize(SandboxTestCard.PARTIAL_APPROVAL, 100_001);

        SandboxAcquirer restarted = start();
        for (SandboxTestCard card : SandboxTestCard.values()) {
            assertThat(restarted.balanceOf(card)).as(card.name()).isEqualTo(acquirer.balanceOf(card));
        }
        assertThat(restarted.authorize(capturedRequest)).isEqualTo(captured);
        assertThat(restarted
                        .refund(captured.gatewayReference(), 15_001, "IDR", "ref-2")
                        .responseCode())
                .isEqualTo("13");
        assertThat(restarted
                        .capture(held.gatewayReference(), 10_000, "IDR", "cap-2")
                        .success())
                .isTrue();
        assertThat(restarted
                        .authorize(request("reversed-before-arrival", SandboxTestCard.VISA_APPROVED.pan(), "2812", 1))
                        .approved())
                .isFalse();
    }

    @Test
    void theJournalKeepsNoCardNumber() {
        for (SandboxTestCard card : SandboxTestCard.values()) {
            try {
                authorize(card, 100);
            } catch (GatewayTimeoutException expected) {
                // the timeout card
            }
        }
        String all = journal.all().toString();
        for (SandboxTestCard card : SandboxTestCard.values()) {
            assertThat(all).doesNotContain(card.pan());
        }
        assertThat(journal.all()).allSatisfy(e -> assertThat(e.cardBin()).hasSize(6));
        String csv = new SandboxSettlementFile(journal).csv(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
        assertThat(csv.lines()).hasSize(1 + SandboxTestCard.values().length);
        assertThat(csv).startsWith(SandboxSettlementFile.HEADER).contains("411111******1111");
        for (SandboxTestCard card : SandboxTestCard.values()) {
            assertThat(csv).doesNotContain(card.pan());
        }
    }
}

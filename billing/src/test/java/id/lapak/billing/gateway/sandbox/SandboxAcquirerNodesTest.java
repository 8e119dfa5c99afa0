package id.lapak.billing.gateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.billing.gateway.AuthorizationRequest;
import id.lapak.billing.gateway.AuthorizationResult;
import id.lapak.billing.gateway.AuthorizationResult.Outcome;
import id.lapak.billing.gateway.CardBrand;
import id.lapak.billing.gateway.EntryMode;
import id.lapak.billing.gateway.GatewayResult;
import id.lapak.cardcrypto.carddata.CardData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The sandbox acquirer stands for one outside system even when every Lapak node runs its own copy over the shared
 * journal: a request id answered by one node is answered the same by another (never a second hold), and an
 * authorization taken on one node can be captured, refunded or reversed on another.
 */
class SandboxAcquirerNodesTest {

    private static final String KEY = "dGVzdC1vbmx5LXNhbmRib3gtYWNjb3VudC1rZXktMzItYnl0ZXM=";
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryJournal journal = new InMemoryJournal();
    private final SandboxAcquirer nodeA = start();
    private final SandboxAcquirer nodeB = start();

    private SandboxAcquirer start() {
        SandboxAcquirer started =
                new SandboxAcquirer(journal, new SandboxControls(Duration.ZERO, FailMode.NONE), clock, KEY);
        started.afterSingletonsInstantiated();
        return started;
    }

    private static AuthorizationRequest request(String requestId, long amount) {
        return new AuthorizationRequest(
                requestId,
                "M1",
                "T1",
                CardData.of(SandboxTestCard.VISA_APPROVED.pan(), "2812", null),
                CardBrand.VISA,
                EntryMode.CHIP,
                amount,
                "IDR",
                false,
                Instant.parse("2026-11-25T10:00:00Z"));
    }

    @Test
    void aRequestAnsweredOnOneNodeIsAnsweredTheSameOnAnotherAndHoldsOnce() {
        String requestId = UUID.randomUUID().toString();
        AuthorizationResult first = nodeA.authorize(request(requestId, 40_000));
        AuthorizationResult retried = nodeB.authorize(request(requestId, 40_000));

        assertThat(first.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(retried).isEqualTo(first);
        assertThat(journal.all())
                .filteredOn(e -> e.requestId().equals(requestId))
                .hasSize(1);
        assertThat(nodeB.balanceOf(SandboxTestCard.VISA_APPROVED).heldMinor()).isEqualTo(40_000);
    }

    @Test
    void anAuthorizationTakenOnOneNodeIsCapturedAndRefundedOnAnother() {
        AuthorizationResult held = nodeA.authorize(request(UUID.randomUUID().toString(), 25_000));

        GatewayResult capture = nodeB.capture(held.gatewayReference(), 25_000, "IDR", "c-" + UUID.randomUUID());
        GatewayResult refund = nodeA.refund(held.gatewayReference(), 5_000, "IDR", "r-" + UUID.randomUUID());

        assertThat(capture.success()).as(capture.message()).isTrue();
        assertThat(refund.success()).as(refund.message()).isTrue();
    }

    @Test
    void aReversalOnAnotherNodeReleasesTheHold() {
        String requestId = UUID.randomUUID().toString();
        nodeA.authorize(request(requestId, 30_000));

        GatewayResult reversal = nodeB.reverse(requestId);

        assertThat(reversal.success()).isTrue();
        assertThat(reversal.message()).isEqualTo("Reversed");
        assertThat(nodeB.balanceOf(SandboxTestCard.VISA_APPROVED).heldMinor()).isZero();
        assertThat(nodeA.capture(
                                nodeA.authorize(request(requestId, 30_000)).gatewayReference(),
                                30_000,
                                "IDR",
                                "c-" + UUID.randomUUID())
                        .success())
                .as("the reversed authorization cannot be captured on node A")
                .isFalse();
    }
}

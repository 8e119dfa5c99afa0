package id.lapak.billing.gateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.billing.gateway.AuthorizationRequest;
import id.lapak.billing.gateway.AuthorizationResult;
import id.lapak.billing.gateway.ChargebackNotice;
import id.lapak.billing.gateway.EntryMode;
import id.lapak.billing.gateway.GatewayResult;
import id.lapak.billing.gateway.sandbox.JournalEntry.Operation;
import id.lapak.cardcrypto.carddata.CardData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Chargebacks in the sandbox acquirer, its notices, its settlement lines with commission, and replay. */
class SandboxChargebackTest {

    private static final String KEY = "dGVzdC1vbmx5LXNhbmRib3gtYWNjb3VudC1rZXktMzItYnl0ZXM=";
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryJournal journal = new InMemoryJournal();
    private final SandboxControls controls = new SandboxControls(Duration.ZERO, FailMode.NONE);
    private final List<ChargebackNotice> notices = new ArrayList<>();
    private final SandboxAcquirer acquirer = start();

    private SandboxAcquirer start() {
        SandboxAcquirer started =
                new SandboxAcquirer(journal, controls, clock, KEY, event -> notices.add((ChargebackNotice) event));
        started.afterSingletonsInstantiated();
        return started;
    }

    private AuthorizationResult captured(String merchant, SandboxTestCard card, long amount) {
        AuthorizationResult auth = acquirer.authorize(new AuthorizationRequest(
                UUID.randomUUID().toString(),
                merchant,
                "T1",
                CardData.of(card.pan(), "2812", null),
                card.brand(),
                EntryMode.CHIP,
                amount,
                "IDR",
                false,
                clock.instant()));
        assertThat(acquirer.capture(
                                auth.gatewayReference(),
                                amount,
                                "IDR",
                                UUID.randomUUID().toString())
                        .success())
                .isTrue();
        return auth;
    }

    @Test
    void aChargebackTakesAtMostWhatTheMerchantHoldsAndIsAnnouncedOnce() {
        AuthorizationResult auth = captured("M1", SandboxTestCard.VISA_APPROVED, 100_000);
        long balance = acquirer.balanceOf(SandboxTestCard.VISA_APPROVED).balanceMinor();
        acquirer.refund(
                auth.gatewayReference(), 30_000, "IDR", UUID.randomUUID().toString());

        GatewayResult tooMuch = acquirer.chargeback(auth.gatewayReference(), 70_001, "case-0", null);
        assertThat(tooMuch.responseCode()).isEqualTo("13");
        GatewayResult chargeback = acquirer.chargeback(auth.gatewayReference(), 50_000, "case-1", "fraud");
        assertThat(chargeback.success()).isTrue();
        assertThat(chargeback.gatewayReference()).startsWith("SBXK-");
        assertThat(acquirer.chargeback(auth.gatewayReference(), 50_000, "case-1", "fraud")
                        .gatewayReference())
                .isEqualTo(chargeback.gatewayReference());
        assertThat(acquirer.balanceOf(SandboxTestCard.VISA_APPROVED).balanceMinor())
                .isEqualTo(balance + 30_000 + 50_000);
        // What is left to refund is what the merchant still holds: 100,000 − 30,000 − 50,000.
        assertThat(acquirer.refund(auth.gatewayReference(), 20_001, "IDR", "r-x")
                        .responseCode())
                .isEqualTo("13");

        assertThat(acquirer.reverseChargeback(auth.gatewayReference(), 50_001, "case-2", null)
                        .responseCode())
                .isEqualTo("13");
        assertThat(acquirer.reverseChargeback(auth.gatewayReference(), 50_000, "case-3", "won")
                        .success())
                .isTrue();
        assertThat(notices).extracting(ChargebackNotice::reversal).containsExactly(false, false, true);
        assertThat(notices).allSatisfy(n -> {
            assertThat(n.merchantId()).isEqualTo("M1");
            assertThat(n.authorizationReference()).isEqualTo(auth.gatewayReference());
        });
        assertThat(journal.all())
                .extracting(JournalEntry::operation)
                .containsSubsequence(Operation.CHARGEBACK, Operation.CHARGEBACK_REVERSAL);

        // After a restart the journal rebuilds the same state: nothing more can be charged back than before.
        SandboxAcquirer restarted = start();
        assertThat(restarted.balanceOf(SandboxTestCard.VISA_APPROVED).balanceMinor())
                .isEqualTo(balance + 30_000);
        assertThat(restarted
                        .chargeback(auth.gatewayReference(), 70_001, "case-4", null)
                        .responseCode())
                .isEqualTo("13");
    }

    @Test
    void theSettlementFileCarriesOneMerchantsMoneyLinesWithTheCommission() {
        AuthorizationResult visa = captured("M1", SandboxTestCard.VISA_APPROVED, 15_005);
        captured("M1", SandboxTestCard.AMEX_APPROVED, 40_000);
        captured("M2", SandboxTestCard.VISA_APPROVED, 99_999);
        acquirer.refund(visa.gatewayReference(), 5_005, "IDR", UUID.randomUUID().toString());
        acquirer.chargeback(visa.gatewayReference(), 10_000, "c", null);

        var file = new SandboxSettlementFile(journal, acquirer);
        var lines = file.settlement("M1", Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
        assertThat(lines)
                .extracting(SandboxSettlementFile.SettlementLine::type)
                .containsExactly(Operation.CAPTURE, Operation.CAPTURE, Operation.REFUND, Operation.CHARGEBACK);
        // 1.80 % of 15,005 is 270.09 → 270, plus 500; Amex 2.80 % of 40,000; a chargeback costs 25,000.
        assertThat(lines)
                .extracting(SandboxSettlementFile.SettlementLine::commissionMinor)
                .containsExactly(770L, 1_120L, 0L, 25_000L);
        assertThat(lines)
                .extracting(SandboxSettlementFile.SettlementLine::netMinor)
                .containsExactly(14_235L, 38_880L, -5_005L, -35_000L);
        String csv = file.settlementCsv("M1", Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
        assertThat(csv)
                .startsWith(SandboxSettlementFile.SETTLEMENT_HEADER + "\r\n")
                .doesNotContain("M2")
                .contains(",SBX-20261125\r\n");
        assertThat(csv.lines()).hasSize(5);
    }
}

package id.lapak.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.billing.settlement.SettlementViews.PayoutRow;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which payout the dashboard names: the next to come, or else the oldest one the bank has not confirmed. */
class NextPayoutTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    static PayoutRow payout(String status, LocalDate expectedOn, long amount) {
        return new PayoutRow(
                UUID.randomUUID(), expectedOn.minusDays(1), "IDR", amount, status, expectedOn, "BCA", "••••1234");
    }

    @Test
    void theNextToComeBeforeAnyLateOne() {
        PayoutRow late = payout("SCHEDULED", TODAY.minusDays(3), 1);
        PayoutRow tomorrow = payout("SCHEDULED", TODAY.plusDays(1), 2);
        PayoutRow today = payout("SENT", TODAY, 3);
        PayoutRow paid = payout("PAID", TODAY.plusDays(0), 4);

        assertThat(DashboardView.nextPayout(List.of(late, tomorrow, paid, today), TODAY))
                .contains(today);
    }

    @Test
    void onlyLateOnesLeftNamesTheOldest() {
        PayoutRow older = payout("SENT", TODAY.minusDays(5), 1);
        PayoutRow newer = payout("SCHEDULED", TODAY.minusDays(1), 2);

        assertThat(DashboardView.nextPayout(List.of(newer, older), TODAY)).contains(older);
        assertThat(DashboardView.nextPayout(List.of(payout("FAILED", TODAY.plusDays(2), 5)), TODAY))
                .isEmpty();
    }
}

package id.lapak.billing.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapak.tenant.money.Money;
import org.junit.jupiter.api.Test;

class FeeRuleTest {

    private static Money idr(long rupiah) {
        return Money.of(rupiah, "IDR");
    }

    @Test
    void aRateIsRoundedHalfUpPerSaleThenTheFixedAmountIsAdded() {
        FeeRule visa = new FeeRule(290, idr(0), idr(0), 1100);
        assertThat(visa.fee(idr(15_005))).isEqualTo(idr(435)); // 435.145
        assertThat(visa.fee(idr(15_500))).isEqualTo(idr(450)); // 449.5 -> 450
        assertThat(new FeeRule(200, idr(2_000), idr(0), 1100).fee(idr(100_000))).isEqualTo(idr(4_000));
    }

    @Test
    void theMinimumFeeAppliesToSmallSales() {
        FeeRule rule = new FeeRule(70, idr(0), idr(500), 1100);
        assertThat(rule.fee(idr(10_000))).isEqualTo(idr(500)); // 70 would be less
        assertThat(rule.fee(idr(1_000_000))).isEqualTo(idr(7_000));
    }

    @Test
    void ppnIsElevenPercentOfTheFeeRoundedHalfUp() {
        FeeRule rule = new FeeRule(290, idr(0), idr(0), FeeRule.DEFAULT_PPN_BASIS_POINTS);
        assertThat(rule.ppn(idr(435))).isEqualTo(idr(48)); // 47.85
        assertThat(rule.ppn(idr(450))).isEqualTo(idr(50)); // 49.5 -> 50
        assertThat(rule.ppn(idr(0))).isEqualTo(idr(0));
    }

    @Test
    void negativeOrImpossibleRatesAreRefused() {
        assertThatThrownBy(() -> new FeeRule(-1, idr(0), idr(0), 1100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FeeRule(10_001, idr(0), idr(0), 1100))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FeeRule(100, idr(-1), idr(0), 1100)).isInstanceOf(IllegalArgumentException.class);
    }
}

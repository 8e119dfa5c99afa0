package id.lapak.billing.card;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.billing.gateway.CardBrand;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Luhn, brand by BIN, length per brand, expiry and masking of a clear PAN. */
class CardChecksTest {

    private static byte[] pan(String digits) {
        return digits.getBytes(StandardCharsets.US_ASCII);
    }

    @ParameterizedTest
    @CsvSource({
        "4111111111111111, VISA",
        "4000000000000002, VISA",
        "5555555555554444, MASTERCARD",
        "2221000000000009, MASTERCARD",
        "2720990000000007, MASTERCARD",
        "378282246310005, AMEX",
        "341111111111111, AMEX",
        "3530111333300000, JCB",
        "3589000000000003, JCB",
        "6200000000000005, UNIONPAY",
        "9360000000000005, GPN",
        "6011111111111117, UNKNOWN",
        "3000000000000004, UNKNOWN"
    })
    void theBrandComesFromTheLeadingDigits(String number, CardBrand brand) {
        assertThat(CardChecks.brand(pan(number))).isEqualTo(brand);
    }

    @Test
    void luhnAcceptsValidNumbersAndRefusesASingleChangedDigit() {
        assertThat(CardChecks.luhn(pan("4111111111111111"))).isTrue();
        assertThat(CardChecks.luhn(pan("378282246310005"))).isTrue();
        assertThat(CardChecks.luhn(pan("9360000000000005"))).isTrue();
        assertThat(CardChecks.luhn(pan("4111111111111112"))).isFalse();
        assertThat(CardChecks.luhn(pan("4111111111111121"))).isFalse();
    }

    @Test
    void lengthsFollowTheBrand() {
        assertThat(CardChecks.lengthFits(CardBrand.AMEX, 15)).isTrue();
        assertThat(CardChecks.lengthFits(CardBrand.AMEX, 16)).isFalse();
        assertThat(CardChecks.lengthFits(CardBrand.VISA, 13)).isTrue();
        assertThat(CardChecks.lengthFits(CardBrand.VISA, 15)).isFalse();
        assertThat(CardChecks.lengthFits(CardBrand.MASTERCARD, 19)).isFalse();
        assertThat(CardChecks.lengthFits(CardBrand.GPN, 19)).isTrue();
    }

    @Test
    void aCardIsValidThroughTheLastDayOfItsExpiryMonth() {
        assertThat(CardChecks.expired("2611", YearMonth.of(2026, 11))).isFalse();
        assertThat(CardChecks.expired("2610", YearMonth.of(2026, 11))).isTrue();
        assertThat(CardChecks.expiry("3012")).isEqualTo(YearMonth.of(2030, 12));
    }

    @Test
    void maskingKeepsAtMostTheFirstSixAndLastFour() {
        assertThat(CardChecks.masked(pan("4111111111111111"))).isEqualTo("411111******1111");
        assertThat(CardChecks.masked(pan("378282246310005"))).isEqualTo("378282*****0005");
        assertThat(CardChecks.last4(pan("378282246310005"))).isEqualTo("0005");
    }
}

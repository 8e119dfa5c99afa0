package id.lapak.tenant.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {

    private static final Currency IDR = Currency.getInstance("IDR");
    private static final Currency USD = Currency.getInstance("USD");
    private static final Locale ID = Locale.forLanguageTag("id-ID");
    private static final Locale EN = Locale.ENGLISH;

    @Test
    void theRupiahHasNoMinorUnitAndOtherCurrenciesKeepIso4217() {
        assertThat(CurrencyUnits.fractionDigits(IDR)).isZero();
        assertThat(CurrencyUnits.fractionDigits(USD)).isEqualTo(2);
        assertThat(CurrencyUnits.fractionDigits(Currency.getInstance("JPY"))).isZero();
        assertThat(CurrencyUnits.fractionDigits(Currency.getInstance("KWD"))).isEqualTo(3);
    }

    @Test
    void formatsTheRupiahWithoutDecimalsInBothLanguages() {
        assertThat(Money.of(15_000, IDR).format(ID)).isEqualTo("Rp 15.000");
        assertThat(Money.of(15_000, IDR).format(EN)).isEqualTo("IDR 15,000");
        assertThat(Money.of(1_234_567, IDR).format(ID)).isEqualTo("Rp 1.234.567");
        assertThat(Money.of(-30_000, IDR).format(ID)).isEqualTo("-Rp 30.000");
        assertThat(Money.of(0, IDR).format(EN)).isEqualTo("IDR 0");
        assertThat(Money.of(1250, USD).format(EN)).isEqualTo("USD 12.50");
        assertThat(Money.of(1250, USD).format(ID)).isEqualTo("USD 12,50");
        assertThat(Money.of(15_000, IDR).formatNumber(ID)).isEqualTo("15.000");
        assertThat(Money.of(15_000, IDR).toPlainString()).isEqualTo("15000");
        assertThat(Money.of(1250, USD).toPlainString()).isEqualTo("12.50");
    }

    @Test
    void theNotationIsTheOneFormatFollows() {
        assertThat(Money.notation(IDR, ID)).isEqualTo(new Money.Notation("Rp ", '.', ',', 0));
        assertThat(Money.notation(IDR, EN)).isEqualTo(new Money.Notation("IDR ", ',', '.', 0));
        assertThat(Money.notation(USD, ID)).isEqualTo(new Money.Notation("USD ", '.', ',', 2));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "15.000|id|15000", "15000|id|15000", "Rp15.000|id|15000", "Rp 15.000|id|15000",
                        "rp. 1.234.567|id|1234567",
                "15,000|en|15000", "15000|en|15000", "IDR 15,000|en|15000", "15000,00|id|15000", "15000.00|en|15000"
            })
    void parsesWhatPeopleTypeInTheirLanguage(String text, String language, long minor) {
        assertThat(Money.parse(text, IDR, Locale.forLanguageTag(language))).isEqualTo(Money.of(minor, IDR));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "23.000|en|AMBIGUOUS", "23,000|id|AMBIGUOUS", "1.234.567|en|AMBIGUOUS", "15000.5|en|TOO_MANY_DECIMALS",
                "15000,5|id|TOO_MANY_DECIMALS", "abc|en|NOT_A_NUMBER", "' '|en|EMPTY", "-5|en|NEGATIVE",
                "1,23,4|en|NOT_A_NUMBER", "99999999999999999999|en|TOO_LARGE", "15.|id|NOT_A_NUMBER",
                        "١٢|en|NOT_A_NUMBER"
            })
    void refusesWhatIsNotClearlyAnAmountWithAStableReason(
            String text, String language, MoneyFormatException.Reason reason) {
        assertThatThrownBy(() -> Money.parse(text, IDR, Locale.forLanguageTag(language)))
                .isInstanceOfSatisfying(
                        MoneyFormatException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void aTwoDecimalCurrencyReadsItsDecimals() {
        assertThat(Money.parse("12.50", USD, EN)).isEqualTo(Money.of(1250, USD));
        assertThat(Money.parse("1.234,5", USD, ID)).isEqualTo(Money.of(123_450, USD));
        assertThat(Money.parsePlain("12.5", USD)).isEqualTo(Money.of(1250, USD));
        assertThatThrownBy(() -> Money.parsePlain("12.505", USD)).isInstanceOf(MoneyFormatException.class);
        assertThat(Money.parsePlain("-3", IDR)).isEqualTo(Money.of(-3, IDR));
        assertThatThrownBy(() -> Money.parsePlain("1e5", IDR)).isInstanceOf(MoneyFormatException.class);
    }

    @ParameterizedTest
    @CsvSource({
        "15005,290,435",
        "10000,250,250",
        "100,50,1",
        "99,50,0",
        "-100,50,-1",
        "-99,50,0",
        "1,5000,1",
        "3,5000,2",
        "0,290,0"
    })
    void basisPointsRoundHalfUpAwayFromZero(long amount, long bp, long expected) {
        assertThat(Money.of(amount, IDR).basisPoints(bp)).isEqualTo(Money.of(expected, IDR));
    }

    @Test
    void arithmeticRefusesMixingCurrenciesAndOverflow() {
        assertThat(Money.of(15_000, IDR).times(2).plus(Money.of(500, IDR)).minus(Money.of(1000, IDR)))
                .isEqualTo(Money.of(29_500, IDR));
        assertThatThrownBy(() -> Money.of(1, IDR).plus(Money.of(1, USD)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("IDR")
                .hasMessageContaining("USD");
        assertThatThrownBy(() -> Money.of(1, IDR).compareTo(Money.of(1, USD)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of(Long.MAX_VALUE, IDR).plus(Money.of(1, IDR)))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.of(Long.MAX_VALUE / 2 + 1, IDR).times(2))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.of(Long.MIN_VALUE, IDR).negate()).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.of(Long.MAX_VALUE, IDR).basisPoints(20_000))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void convertsToAndFromANetworksExponentAtTheEdge() {
        assertThat(Money.of(30_000, IDR).minorAtExponent(2)).isEqualTo(3_000_000);
        assertThat(Money.fromMinorAtExponent(3_000_000, 2, IDR)).isEqualTo(Money.of(30_000, IDR));
        assertThatThrownBy(() -> Money.fromMinorAtExponent(3_000_050, 2, IDR)).isInstanceOf(MoneyFormatException.class);
        assertThat(Money.ofMajor(new BigDecimal("12.5"), USD)).isEqualTo(Money.of(1250, USD));
    }

    @Test
    void prorateByDaysRoundsHalfUpOnce() {
        assertThat(Money.of(99_000, IDR).prorate(10, 31)).isEqualTo(Money.of(31_935, IDR));
        assertThat(Money.of(99_000, IDR).prorate(31, 31)).isEqualTo(Money.of(99_000, IDR));
        assertThat(Money.of(3, IDR).prorate(1, 2)).isEqualTo(Money.of(2, IDR));
        assertThatThrownBy(() -> Money.of(3, IDR).prorate(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

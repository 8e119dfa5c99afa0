package id.lapak.carddata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CardNumberScannerTest {

    private final CardNumberScanner scanner = new CardNumberScanner(List.of("4111111111111111", "378282246310005"));

    @Test
    void findsTestPansInAnyForm() {
        assertThat(scanner.scan("dump", "a\t4111111111111111\tb"))
                .extracting(CardNumberScanner.Finding::rule)
                .contains("test PAN");
        assertThat(scanner.scan("dump", "\\x34313131313131313131313131313131"))
                .extracting(CardNumberScanner.Finding::rule)
                .containsExactly("test PAN as hex of its text");
        assertThat(scanner.scan("log", "pan=378282246310005F"))
                .extracting(CardNumberScanner.Finding::rule)
                .contains("test PAN");
        assertThat(scanner.scan("log", "card ab4111111111111111cd")).isNotEmpty();
    }

    @Test
    void findsOtherLuhnValidCardNumbersStandingAlone() {
        List<CardNumberScanner.Finding> findings = scanner.scan("dump", "x,5105105105105100,y");
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("Luhn-valid number");
            assertThat(f.masked()).isEqualTo("510510******5100");
            assertThat(f.line()).isEqualTo(1);
        });
        assertThat(scanner.scan("dump", "1\n2\n6011111111111117"))
                .singleElement()
                .extracting(CardNumberScanner.Finding::line)
                .isEqualTo(3L);
    }

    @Test
    void ignoresWhatIsNoCardNumber() {
        // Luhn fails; epoch milliseconds; a digit run inside a SHA-256 in hex; a longer digit run; a masked PAN;
        // a key identifier (an initial key ID always starts with a hex letter).
        assertThat(scanner.scan(
                        "dump",
                        "5105105105105101 1795625095040 "
                                + "ab5105105105105100cdef0123456789abcdef0123456789 51051051051051000000 510510******5100 "
                                + "initial key ID A5105105105105100, reader RD-1"))
                .isEmpty();
    }
}

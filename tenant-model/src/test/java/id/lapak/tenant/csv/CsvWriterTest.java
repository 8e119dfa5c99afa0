package id.lapak.tenant.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvWriterTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+62812", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd", "=HYPERLINK(\"http://x\")"})
    void aTextCellThatASpreadsheetWouldRunIsNeutralisedAndQuoted(String hostile) {
        String cell = CsvWriter.cell(hostile);
        assertThat(cell).startsWith("\"'");
        assertThat(cell).endsWith("\"");
        assertThat(cell.substring(2, cell.length() - 1).replace("\"\"", "\"")).isEqualTo(hostile);
    }

    @Test
    void separatorsQuotesAndLineBreaksAreQuoted() {
        assertThat(CsvWriter.cell("Kopi, susu")).isEqualTo("\"Kopi, susu\"");
        assertThat(CsvWriter.cell("Kopi; susu")).isEqualTo("\"Kopi; susu\"");
        assertThat(CsvWriter.cell("Es \"teh\"")).isEqualTo("\"Es \"\"teh\"\"\"");
        assertThat(CsvWriter.cell("a\nb")).isEqualTo("\"a\nb\"");
        assertThat(CsvWriter.cell("Toko Maju")).isEqualTo("Toko Maju");
        assertThat(CsvWriter.cell(null)).isEmpty();
    }

    @Test
    void numbersStayNumbersAndOnlyNumbersPassAsNumbers() {
        assertThat(CsvWriter.cell(-15000L)).isEqualTo("-15000");
        assertThat(CsvWriter.cell(CsvWriter.number("-15000"))).isEqualTo("-15000");
        assertThat(CsvWriter.cell(CsvWriter.number("12.50"))).isEqualTo("12.50");
        assertThat(CsvWriter.cell("-15000"))
                .as("text that looks like a number is still text")
                .isEqualTo("\"'-15000\"");
        assertThatThrownBy(() -> CsvWriter.number("-1+1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CsvWriter.number("=1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRowJoinsItsCellsAndEndsWithCrLf() {
        StringBuilder out = new StringBuilder();
        CsvWriter.writeRow(out, List.of("a", 1, "=b"));
        assertThat(out).hasToString("a,1,\"'=b\"\r\n");
        assertThat(CsvWriter.row("x", null, 2)).isEqualTo("x,,2");
    }
}

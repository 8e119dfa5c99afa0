package id.lapak.billing.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.billing.settlement.SettlementViews.BatchRow;
import id.lapak.billing.settlement.SettlementViews.LineRow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;

class BatchStatementPdfTest {

    @Test
    void theStatementShowsTheDaysTotalsInRupiahAsThePageDoes() throws Exception {
        BatchRow batch = new BatchRow(
                UUID.randomUUID(),
                LocalDate.of(2026, 12, 1),
                "IDR",
                2,
                1,
                1_250_000,
                50_000,
                23_750,
                2_613,
                0L,
                0L,
                1_173_637L,
                "SCHEDULED",
                LocalDate.of(2026, 12, 2));
        List<LineRow> lines = List.of(
                new LineRow(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        "Maju Pusat",
                        ZoneId.of("Asia/Jakarta"),
                        "CAPTURE",
                        "VISA",
                        Instant.parse("2026-12-01T03:00:00Z"),
                        Instant.parse("2026-12-01T03:00:00Z"),
                        1_250_000,
                        23_750,
                        2_613,
                        false),
                new LineRow(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        "Maju Pusat",
                        ZoneId.of("Asia/Jakarta"),
                        "REFUND",
                        "VISA",
                        Instant.parse("2026-12-01T05:00:00Z"),
                        Instant.parse("2026-11-30T05:00:00Z"),
                        -50_000,
                        0,
                        0,
                        true));
        Locale indonesian = Locale.forLanguageTag("id-ID");
        byte[] pdf = BatchStatementPdf.pdf("Toko Maju", batch, lines, indonesian, key -> "[" + key + "]");

        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        PdfReader reader = new PdfReader(pdf);
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        reader.close();
        assertThat(text).contains("Toko Maju", "[settlement.statement.title]");
        assertThat(text.replace('\u00a0', ' '))
                .contains(
                        id.lapak.tenant.money.Money.of(1_250_000, "IDR")
                                .format(indonesian)
                                .replace('\u00a0', ' '),
                        id.lapak.tenant.money.Money.of(1_173_637, "IDR")
                                .format(indonesian)
                                .replace('\u00a0', ' '));
        assertThat(text).contains("[settlement.line.late]");
    }
}

package id.lapak.reports;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.reports.ReportService.Line;
import java.time.DayOfWeek;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The charts' numbers read as the portal's tables read them, in Indonesian and in English. */
class ReportChartsTest {

    static final Locale INDONESIAN = Locale.of("id", "ID");
    static final Currency IDR = Currency.getInstance("IDR");
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** A line of {@code transactions} sales collecting {@code collected} rupiah. */
    static Line line(String label, long collected, long transactions) {
        return new Line(
                label,
                label,
                new Figures(IDR, transactions, transactions, 0, transactions, 0, collected, 0, 0, 0, 0, 0, 0));
    }

    static JsonNode parse(String option) {
        return JSON.readTree(option);
    }

    @Test
    void hoursShowRupiahWithTheLanguagesGroupingInTooltipsAndAxes() {
        List<Line> today = List.of(line("09", 1_234_567, 12), line("10", 50_000, 1));
        List<Line> before = List.of(line("09", 2_000_000, 3), line("10", 0, 0));

        JsonNode id = parse(ReportCharts.hours(today, before, "Periode ini", "Periode lalu", INDONESIAN));
        assertThat(id.at("/series/0/lapakText").valueStream().map(JsonNode::asString))
                .containsExactly("Rp 1.234.567", "Rp 50.000");
        assertThat(id.at("/series/1/lapakText/0").asString()).isEqualTo("Rp 2.000.000");
        assertThat(id.at("/series/0/data/0").asLong())
                .as("the chart draws the number")
                .isEqualTo(1_234_567);
        assertThat(id.at("/yAxis/lapakFormat").asString()).isEqualTo("money");
        assertThat(id.at("/lapakNumbers/prefix").asString()).isEqualTo("Rp ");
        assertThat(id.at("/lapakNumbers/grouping").asString()).isEqualTo(".");
        assertThat(id.at("/lapakNumbers/decimal").asString()).isEqualTo(",");
        assertThat(id.at("/lapakNumbers/digits").asInt()).isZero();

        JsonNode en = parse(ReportCharts.hours(today, before, "This period", "Previous period", Locale.ENGLISH));
        assertThat(en.at("/series/0/lapakText").valueStream().map(JsonNode::asString))
                .containsExactly("IDR 1,234,567", "IDR 50,000");
        assertThat(en.at("/lapakNumbers/prefix").asString()).isEqualTo("IDR ");
        assertThat(en.at("/lapakNumbers/grouping").asString()).isEqualTo(",");
        assertThat(en.at("/lapakNumbers/decimal").asString()).isEqualTo(".");
    }

    @Test
    void daysShowAmountsAndCountsInTheReadersLanguage() {
        List<Line> days = List.of(line("2026-12-01", 12_345_678, 1_234), line("2026-12-02", 999, 7));

        JsonNode id = parse(ReportCharts.days(days, "Penjualan bersih", "Transaksi", INDONESIAN));
        assertThat(id.at("/series/0/lapakText/0").asString()).isEqualTo("Rp 12.345.678");
        assertThat(id.at("/series/1/lapakText").valueStream().map(JsonNode::asString))
                .containsExactly("1.234", "7");
        assertThat(id.at("/yAxis/0/lapakFormat").asString()).isEqualTo("money");
        assertThat(id.at("/yAxis/1/lapakFormat").asString()).isEqualTo("count");

        JsonNode en = parse(ReportCharts.days(days, "Net sales", "Transactions", Locale.ENGLISH));
        assertThat(en.at("/series/0/lapakText/0").asString()).isEqualTo("IDR 12,345,678");
        assertThat(en.at("/series/1/lapakText/0").asString()).isEqualTo("1,234");
    }

    @Test
    void thePaymentMixAndTheHeatmapFormatTheirValues() {
        List<Line> methods = List.of(line("VISA/CHIP", 3_500_000, 40));
        assertThat(parse(ReportCharts.mix(methods, key -> "Visa · Chip", INDONESIAN))
                        .at("/series/0/lapakText/0")
                        .asString())
                .isEqualTo("Rp 3.500.000");
        assertThat(parse(ReportCharts.mix(methods, key -> "Visa · Chip", Locale.ENGLISH))
                        .at("/series/0/lapakText/0")
                        .asString())
                .isEqualTo("IDR 3,500,000");

        Map<DayOfWeek, List<Line>> cells = new LinkedHashMap<>();
        List<Line> hours = new java.util.ArrayList<>();
        for (int h = 0; h < 24; h++) {
            hours.add(line("%02d".formatted(h), 0, h == 12 ? 2_500 : 0));
        }
        cells.put(DayOfWeek.MONDAY, hours);
        JsonNode id = parse(ReportCharts.heatmap(cells, "Transaksi", INDONESIAN));
        assertThat(id.at("/series/0/lapakText/12").asString()).isEqualTo("2.500");
        assertThat(id.at("/series/0/name").asString()).isEqualTo("Transaksi");
        assertThat(id.at("/visualMap/lapakFormat").asString()).isEqualTo("count");
        assertThat(id.at("/yAxis/data/0").asString()).isEqualTo("Sen");
        assertThat(parse(ReportCharts.heatmap(cells, "Transactions", Locale.ENGLISH))
                        .at("/series/0/lapakText/12")
                        .asString())
                .isEqualTo("2,500");
    }
}

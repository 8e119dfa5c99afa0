package id.lapak.reports;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.settlement.SettlementFixture;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.tenant.money.Money;
import id.lapak.testing.IntegrationTest;
import id.lapak.testing.TestUsers;
import id.lapak.testing.TestUsers.TestUser;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every report's CSV, XLSX and PDF carry the filters and the same totals as the page's table, in both languages.
 */
@IntegrationTest
class ReportExportsIntegrationTest {

    @Autowired
    TenantDirectory tenants;

    @Autowired
    PlatformAccess platform;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReportTables tables;

    @Test
    void everyReportExportsTheTotalsOfThePage() throws Exception {
        SettlementFixture fixture = new SettlementFixture(tenants, platform, jdbc);
        UUID tenant = fixture.tenant("Ekspor");
        UUID store = fixture.store(tenant, "Ekspor", "Asia/Makassar");
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Makassar")).minusDays(3);
        List<UUID> sales = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Instant at = day.atTime(8 + i, 5).atZone(ZoneId.of("Asia/Makassar")).toInstant();
            sales.add(fixture.capturedSale(tenant, store, 10_000L + i * 1_500L, at, at));
            fixture.reportedBy(
                    tenant,
                    sales.getLast(),
                    i % 3 == 2 ? null : "K-0" + i % 3,
                    i % 3 == 2 ? null : "Kasir " + i % 3,
                    i % 4 == 0 ? 1_000L : null);
        }
        fixture.refund(tenant, sales.get(2), 4_000, Instant.now());
        TestUser admin = TestUsers.user(tenant, Set.of(), Role.MERCHANT_ADMIN);
        ReportFilter filter = ReportFilter.days(day.minusDays(1), day);

        for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("id"))) {
            for (ReportKind kind : ReportKind.values()) {
                ReportTable table = TestUsers.as(
                        admin,
                        () -> tables.build(
                                kind, filter, locale, key -> label(key, locale), Map.of(store, "Toko Ekspor")));
                check(table, locale);
            }
        }
        // The summary and the cashiers' report read the same discounts and net sales, and the exports carry them.
        ReportTable summary = TestUsers.as(
                admin, () -> tables.build(ReportKind.SUMMARY, filter, Locale.ENGLISH, key -> key, Map.of()));
        ReportTable byCashier = TestUsers.as(
                admin, () -> tables.build(ReportKind.CASHIERS, filter, Locale.ENGLISH, key -> key, Map.of()));
        Money discounts = Money.of(-3_000, "IDR");
        assertThat(summary.rows())
                .extracting(row -> row.getFirst())
                .startsWith("report.line.gross", "report.line.discounts", "report.line.refunds", "report.line.net");
        assertThat(summary.rows().get(1).get(1)).isEqualTo(discounts);
        Object net = summary.rows().get(3).get(1);
        assertThat(byCashier.columns())
                .containsExactly(
                        "report.column.cashier",
                        "report.column.transactions",
                        "report.column.gross",
                        "report.column.discounts",
                        "report.column.refunds",
                        "report.column.net");
        assertThat(byCashier.rows())
                .extracting(row -> row.getFirst())
                .containsExactly("Kasir 1 (K-01)", "Kasir 0 (K-00)", "report.cashier.none");
        assertThat(byCashier.totals().get(3)).isEqualTo(discounts.negate());
        assertThat(byCashier.totals().get(5)).isEqualTo(net);
        assertThat(byCashier.totals().get(1)).isEqualTo(12L);
        assertThat(ReportFiles.csv(byCashier)).contains("report.column.discounts", "3000");
    }

    private static String label(String key, Locale locale) {
        return key + "@" + locale.getLanguage();
    }

    private static void check(ReportTable table, Locale locale) throws Exception {
        List<Object> last = table.totals() != null
                ? table.totals()
                : table.rows().isEmpty() ? null : table.rows().getLast();
        // CSV: the filters, then the rows, the totals last, numbers as plain digits.
        String csv = ReportFiles.csv(table);
        assertThat(csv).as(table.key()).contains(table.filters().getFirst());
        if (last != null) {
            String lastLine = csv.strip().lines().reduce((a, b) -> b).orElseThrow();
            for (Object cell : last) {
                if (cell instanceof Money money) {
                    assertThat(lastLine).as(table.key() + " CSV totals").contains(money.toPlainString());
                }
            }
        }
        // XLSX: the last row holds the same numbers.
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(ReportFiles.xlsx(table)))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo(table.filters().getFirst());
            if (last != null) {
                Row row = sheet.getRow(sheet.getLastRowNum());
                for (int c = 0; c < last.size(); c++) {
                    if (last.get(c) instanceof Money money) {
                        assertThat(row.getCell(c).getNumericCellValue())
                                .as(table.key() + " XLSX totals")
                                .isEqualTo(Double.parseDouble(money.toPlainString()));
                    }
                }
            }
        }
        // PDF: the filters and every total as the page writes it.
        String pdf = new PdfTextExtractor(new PdfReader(ReportFiles.pdf(table, locale))).getTextFromPage(1);
        String flat = pdf.replace('\u00a0', ' ').replace('\u202f', ' ');
        assertThat(flat).as(table.key() + " PDF title").contains(table.title());
        if (last != null) {
            for (Object cell : last) {
                if (cell instanceof Money money) {
                    assertThat(flat)
                            .as(table.key() + " PDF totals")
                            .contains(ReportFiles.text(money, locale)
                                    .replace('\u00a0', ' ')
                                    .replace('\u202f', ' '));
                }
            }
        }
    }
}

package id.lapak.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.billing.settlement.SettlementCloser;
import id.lapak.billing.settlement.SettlementService;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.testing.IntegrationTest;
import id.lapak.testing.TestUsers;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Statements per batch and per month, as the merchant admin downloads them: the month's PDF (Indonesian, Rp 1.234.567),
 * CSV and XLSX hold a row per closed day and totals equal to the sum of the month's batches; the batch's XLSX holds
 * its totals and every line as numbers.
 */
@IntegrationTest
class SettlementStatementsIntegrationTest {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final Locale ID = Locale.forLanguageTag("id-ID");

    @Autowired
    TenantDirectory tenants;

    @Autowired
    PlatformAccess platform;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SettlementCloser closer;

    @Autowired
    SettlementService settlement;

    @Test
    void theMonthsStatementAddsUpItsDaysInEveryFormat() throws Exception {
        SettlementFixture fixture = new SettlementFixture(tenants, platform, jdbc);
        UUID tenant = fixture.tenant("Toko Bulanan");
        UUID store = fixture.store(tenant, "Pusat", "Asia/Jakarta");
        fixture.plan(tenant, LocalDate.of(2026, 1, 1), 0, 0, 0, 1100);
        fixture.payoutAccount(tenant);
        fixture.capturedSale(tenant, store, 1_000_000, at("2026-10-30T10:00"), at("2026-10-30T10:00"));
        fixture.capturedSale(tenant, store, 234_567, at("2026-10-31T10:00"), at("2026-10-31T10:00"));
        fixture.capturedSale(tenant, store, 99_000, at("2026-11-01T10:00"), at("2026-11-01T10:00"));
        closer.close(tenant, at("2026-11-02T06:00"));
        var admin = TestUsers.user(tenant, Set.of(), Role.MERCHANT_ADMIN);
        Function<String, String> labels = key -> key;
        YearMonth october = YearMonth.of(2026, 10);

        assertThat(TestUsers.as(admin, () -> settlement.month(october))).hasSize(2);
        String csv = TestUsers.as(admin, () -> settlement.monthCsv(october));
        assertThat(csv)
                .contains("2026-10-30,1,1000000")
                .contains("2026-10-31,1,234567")
                .contains("total,2,1234567,0,0,0,0,0,1234567")
                .doesNotContain("99000");

        byte[] pdf = TestUsers.as(admin, () -> settlement.monthPdf(october, ID, labels));
        String text = new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1);
        assertThat(text).contains("Oktober 2026").contains("Rp 1.234.567").contains("Rp 234.567");

        byte[] xlsx = TestUsers.as(admin, () -> settlement.monthXlsx(october, labels));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(8).getStringCellValue()).isEqualTo("settlement.column.net");
            assertThat(sheet.getRow(1).getCell(8).getNumericCellValue()).isEqualTo(1_000_000d);
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("settlement.statement.total");
            assertThat(sheet.getRow(3).getCell(8).getNumericCellValue()).isEqualTo(1_234_567d);
        }

        UUID batch =
                TestUsers.as(admin, () -> settlement.month(october)).getLast().id();
        byte[] dayXlsx = TestUsers.as(admin, () -> settlement.statementXlsx(batch, labels));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(dayXlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("2026-10-31");
            boolean found = false;
            for (var row : sheet) {
                if (row.getCell(4) != null
                        && row.getCell(4).getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                        && row.getCell(4).getNumericCellValue() == 234_567d) {
                    found = true;
                }
            }
            assertThat(found).as("the line's amount as a number").isTrue();
        }
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(WIB).toInstant();
    }
}

package id.lapak.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.reports.Figures;
import id.lapak.reports.ReportFilter;
import id.lapak.reports.ReportService;
import id.lapak.tenant.access.Role;
import id.lapak.testing.TestUsers;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The reports journey in Chromium: maju.admin lands on the dashboard with the demo sales, hovers the sales-by-hour
 * chart and reads its values, opens the reports, narrows the sales summary to Maju Pusat, downloads it as XLSX and as
 * PDF, and finds in both files the net sales and net deposit the page shows.
 */
class ReportsBrowserTest extends BrowserTestSupport {

    private static final UUID TOKO_MAJU = UUID.fromString("0b6c3f3e-5a2d-4c1e-9d7a-2f0e8b1a7c01");
    private static final UUID MAJU_PUSAT = UUID.fromString("5d1e2a40-8c3b-4f6a-b7e9-1a2b3c4d5e01");

    @Autowired
    ReportService reports;

    @Test
    void theDashboardChartsAndTheStoresSalesSummaryInItsExports() throws Exception {
        login("maju.admin");
        WebElement hours = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard-hours")));
        wait.until(d -> !hours.findElements(By.tagName("canvas")).isEmpty());
        assertThat(text("kpi-net")).startsWith("IDR");
        ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", hours);
        new Actions(driver).moveToElement(hours).perform();
        wait.until(d -> hours.getText().contains("This period"));

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
        Figures expected = TestUsers.as(
                TestUsers.user(TOKO_MAJU, Set.of(), Role.MERCHANT_ADMIN),
                () -> reports.summary(
                        ReportFilter.days(today.minusDays(6), today).withStore(MAJU_PUSAT)));
        assertThat(expected.transactions())
                .as("the demo has sales in Maju Pusat this week")
                .isPositive();
        String net = normalized(expected.net().format(Locale.ENGLISH));
        String deposit = normalized(expected.deposit().format(Locale.ENGLISH));

        driver.get(PORTAL + "reports");
        WebElement store = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#report-store input")));
        store.sendKeys("Maju Pusat");
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//vaadin-combo-box-item[contains(normalize-space(), 'Maju Pusat')]")));
        store.sendKeys(Keys.ENTER);
        wait.until(d -> text("report-filters").contains("Maju Pusat"));
        wait.until(d -> normalized(gridText("report-grid")).contains(net));
        assertThat(normalized(gridText("report-grid"))).contains(deposit);

        byte[] xlsx = download("report-export-xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).contains("Maju Pusat");
            assertThat(amountOf(sheet, "Net sales")).isEqualTo(expected.net().minor());
            assertThat(amountOf(sheet, "Net deposit"))
                    .isEqualTo(expected.deposit().minor());
        }
        byte[] pdf = download("report-export-pdf");
        String text = normalized(new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1));
        assertThat(text).contains("Maju Pusat").contains(net).contains(deposit);
    }

    private static long amountOf(Sheet sheet, String line) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && line.equals(row.getCell(0).getStringCellValue())) {
                return Math.round(row.getCell(1).getNumericCellValue());
            }
        }
        throw new AssertionError("no line " + line);
    }

    private byte[] download(String linkId) throws Exception {
        String href = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(linkId)))
                .getAttribute("href");
        String cookies = driver.manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(href))
                                .header("Cookie", cookies)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static String normalized(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }
}

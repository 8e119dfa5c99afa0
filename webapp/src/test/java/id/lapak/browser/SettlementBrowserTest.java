package id.lapak.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.billing.settlement.SettlementService;
import id.lapak.billing.settlement.SettlementViews.BatchRow;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.money.Money;
import id.lapak.testing.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The settlement journey in Chromium: maju.admin opens Settlement, finds yesterday's batch of the demo sales, selects
 * it, opens the waterfall of Maju Pusat's yesterday, downloads the day's statement PDF and finds in it the same
 * captured and net amounts the page shows.
 */
class SettlementBrowserTest extends BrowserTestSupport {

    private static final UUID TOKO_MAJU = UUID.fromString("0b6c3f3e-5a2d-4c1e-9d7a-2f0e8b1a7c01");

    @Autowired
    SettlementService settlement;

    @Test
    void yesterdaysBatchItsWaterfallAndItsStatementPdfAgree() throws Exception {
        LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Jakarta")).minusDays(1);
        BatchRow batch =
                TestUsers.as(TestUsers.user(TOKO_MAJU, Set.of(), Role.MERCHANT_ADMIN), () -> settlement.batches(10))
                        .stream()
                        .filter(b -> b.businessDay().equals(yesterday))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("the demo has no batch of yesterday"));
        String captured = normalized(Money.of(batch.gross(), batch.currency()).format(Locale.ENGLISH));
        String net = normalized(Money.of(batch.net(), batch.currency()).format(Locale.ENGLISH));
        String day = yesterday.format(
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.US));

        login("maju.admin");
        driver.get(PORTAL + "settlement");
        wait.until(d -> normalized(gridText("settlement-batches")).contains(day));
        String page = normalized(gridText("settlement-batches"));
        assertThat(page).contains(captured).contains(net);

        WebElement cell = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//vaadin-grid[@id='settlement-batches']//vaadin-grid-cell-content[normalize-space()='" + day + "']")));
        cell.click();
        wait.until(d -> !gridText("settlement-lines").isBlank());
        WebElement pdfLink = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("settlement-statement-pdf")));

        WebElement store =
                wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#waterfall-store input")));
        store.sendKeys("Maju Pusat");
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//vaadin-combo-box-item[contains(normalize-space(), 'Maju Pusat')]")));
        store.sendKeys(Keys.ENTER);
        wait.until(d -> gridText("waterfall-steps").contains("Confirmed paid by the bank"));
        assertThat(gridText("waterfall-steps"))
                .contains("Approved card sales of the day")
                .contains("Settled");

        String href = pdfLink.getAttribute("href");
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
        byte[] pdf = response.body();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        String text = normalized(new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1));
        assertThat(text).contains(captured).contains(net);
    }

    /** Vaadin and the JDK put a no-break space between the currency and the amount; read it as a space. */
    private static String normalized(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }
}

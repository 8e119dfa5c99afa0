package id.lapak.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.tenant.context.PlatformAccess;
import id.lapak.tenant.money.Money;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tenant billing in Chromium: support creates a plan, puts Toko Maju on it from the first day of last month (a month
 * already billed) and bills now, which issues the correction of that month; maju.admin opens Plan and invoices,
 * selects the new document, and downloads its PDF, whose total is the page's.
 */
class TenantBillingBrowserTest extends BrowserTestSupport {

    private static final UUID TOKO_MAJU = UUID.fromString("0b6c3f3e-5a2d-4c1e-9d7a-2f0e8b1a7c01");

    @Autowired
    PlatformAccess platform;

    @Autowired
    JdbcClient jdbc;

    @Test
    void supportBillsAPlanAndTheMerchantAdminsPdfTotalIsThePages() throws Exception {
        String code = "BT"
                + Long.toString(System.currentTimeMillis() % 100_000_000L, 36).toUpperCase(Locale.ROOT);
        String from = LocalDate.now(ZoneId.of("Asia/Jakarta"))
                .withDayOfMonth(1)
                .minusMonths(1)
                .toString();

        login("support");
        driver.get(PORTAL + "support/billing");
        type("plan-code", code);
        type("plan-name", "Uji " + code);
        type("plan-from", from + "\n");
        type("plan-monthly", "150000");
        type("plan-device", "10000");
        click(By.id("plan-save"));
        waitForGridToContain("support-billing-plans", "Uji " + code);

        choose("subscribe-tenant", "Toko Maju");
        choose("subscribe-plan", code);
        type("subscribe-from", from + "\n");
        click(By.id("subscribe-save"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-notification-card")));
        click(By.id("support-billing-run"));

        String number = wait.until(d -> platform.call(
                "test: the correction",
                () -> jdbc.sql("""
                select number from saas_invoice where tenant_id = ? and period = ?::date and kind <> 'INVOICE'
                order by number desc limit 1""")
                        .params(TOKO_MAJU, from)
                        .query(String.class)
                        .optional()
                        .orElse(null)));
        long totalMinor = platform.call(
                "test",
                () -> jdbc.sql("select total_minor from saas_invoice where number = ?")
                        .param(number)
                        .query(Long.class)
                        .single());
        String total = normalized(Money.of(totalMinor, "IDR").format(Locale.ENGLISH));
        waitForGridToContain("support-billing-invoices", number);
        logout();

        login("maju.admin");
        driver.get(PORTAL + "billing");
        waitForGridToContain("my-plan-invoices", number);
        click(By.xpath(
                "//vaadin-grid[@id='my-plan-invoices']//vaadin-grid-cell-content[normalize-space()='" + number + "']"));
        WebElement pageTotal =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("my-plan-invoice-total")));
        assertThat(normalized(pageTotal.getText())).contains(number).contains(total);
        WebElement pdfLink = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("my-plan-invoice-pdf")));

        String cookies = driver.manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(pdfLink.getAttribute("href")))
                                .header("Cookie", cookies)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        String text = normalized(new PdfTextExtractor(new PdfReader(response.body())).getTextFromPage(1));
        assertThat(text).contains(number).contains(total).contains("PPN 11 %");
    }

    @Test
    void supportCreditsPartOfAnInvoiceAndTooLargeACreditIsNamedOnTheField() {
        record Invoice(String number, UUID id) {}
        Invoice invoice = platform.call(
                "test: the newest invoice",
                () -> jdbc.sql("""
                select number, id from saas_invoice where kind = 'INVOICE' and status <> 'CREDITED' and total_minor > 2000
                order by period desc, issued_at desc, number limit 1""")
                        .query((rs, n) -> new Invoice(rs.getString(1), rs.getObject(2, UUID.class)))
                        .single());

        login("support");
        driver.get(PORTAL + "support/billing");
        waitForGridToContain("support-billing-invoices", invoice.number());
        By row = By.xpath("//vaadin-grid[@id='support-billing-invoices']//vaadin-grid-cell-content[normalize-space()='"
                + invoice.number() + "']");
        scrollTo(row);
        click(row);
        scrollTo(By.id("support-billing-credit"));
        click(By.id("support-billing-credit"));
        type("support-billing-credit-amount", "999,999,999");
        WebElement reason = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#support-billing-credit-reason textarea")));
        reason.sendKeys("Gangguan layanan tiga jam");
        click(By.id("support-billing-credit-issue"));
        wait.until(d -> d.findElement(By.id("support-billing-credit-amount"))
                .getText()
                .contains("cannot exceed what was invoiced"));

        type("support-billing-credit-amount", "1,000");
        click(By.id("support-billing-credit-issue"));
        WebElement notice =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("vaadin-notification-card")));
        assertThat(notice.getText()).startsWith("Credit note CN/");
        Long credited = platform.call(
                "test: the credit note",
                () -> jdbc.sql("""
                select total_minor from saas_invoice where corrects = ? and kind = 'CREDIT_NOTE'
                and note = 'Gangguan layanan tiga jam'""").param(invoice.id()).query(Long.class).single());
        assertThat(credited).isEqualTo(-1_110L);
    }

    private void choose(String comboId, String text) {
        WebElement input =
                wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#" + comboId + " input")));
        input.sendKeys(text);
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//vaadin-combo-box-item[contains(normalize-space(), '" + text + "')]")));
        input.sendKeys(Keys.ENTER);
    }

    /** Vaadin and the JDK put a no-break space between the currency and the amount; read it as a space. */
    private static String normalized(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }
}

package id.lapak.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.tenant.context.PlatformAccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The main pages at a laptop's 1366 px and a small tablet's 800 px, in English and in Indonesian: nothing pushes the
 * page sideways, the inventory's actions stay on screen, and the Indonesian pages carry no English words. The
 * screenshots stay in target/browser-screenshots/widths for a person to look at.
 */
class PageWidthsBrowserTest extends BrowserTestSupport {

    private static final List<String> PAGES = List.of(
            "",
            "sales",
            "inventory",
            "stock",
            "customers",
            "devices",
            "devices/settings",
            "reports",
            "settlement",
            "audit-log",
            "stores",
            "users",
            "billing");
    private static final UUID TOKO_MAJU = UUID.fromString("0b6c3f3e-5a2d-4c1e-9d7a-2f0e8b1a7c01");

    @Autowired
    PlatformAccess platform;

    @Autowired
    JdbcClient jdbc;
    /** English words a merchant would notice on an Indonesian page (whole words; names and brands excepted). */
    private static final Pattern ENGLISH = Pattern.compile("\\b(Sales|Settings|Stores|Save|Search|Customers|Devices"
            + "|Inventory|Download|Refund|Refunds|Today|Yesterday|Week|Month|Approved|Declined|Payout|Payouts"
            + "|Settlement|Dashboard|Reports|Items|Store|Device|Customer|Show|Hide|Date|Time|Amount|Net|Gross"
            + "|Tips|Fees|Offline|Online|Never|Paid|Unpaid|Cancel|Close|Edit|Delete|New|Add|Export|Import)\\b");

    @Test
    void mainPagesFitBothWidthsInBothLanguages() throws Exception {
        login("maju.admin");
        // One sale (with its payment timeline) and one device (with its health and settings panels) of the demo.
        List<String> pages = new ArrayList<>(PAGES);
        pages.add("sales/"
                + platform.call(
                        "test: a demo sale",
                        () -> jdbc.sql("""
                select id from sale where tenant_id = ? and status = 'CAPTURED' order by sold_at desc limit 1""").param(TOKO_MAJU).query(UUID.class).single()));
        pages.add("devices/"
                + platform.call(
                        "test: a demo device",
                        () -> jdbc.sql("""
                select id from device where tenant_id = ? and status = 'ACTIVE' order by name limit 1""").param(TOKO_MAJU).query(UUID.class).single()));
        List<String> problems = new ArrayList<>();
        Path shots = Files.createDirectories(Path.of("target/browser-screenshots/widths"));
        for (String language : List.of("en", "id")) {
            if (language.equals("id")) {
                driver.manage().window().setSize(new Dimension(1366, 900));
                driver.get(PORTAL);
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("main-nav")));
                openUserMenu();
                click(By.xpath("//vaadin-menu-bar-item[normalize-space()='Language']"));
                click(By.id("lang-id"));
                wait.until(d -> d.findElement(By.id("main-nav")).getText().contains("Dasbor"));
            }
            for (int width : new int[] {1366, 800}) {
                driver.manage().window().setSize(new Dimension(width, 900));
                for (String page : pages) {
                    driver.get(PORTAL + page);
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("main-nav")));
                    Thread.sleep(600); // lazy grids and charts settle
                    String name = language + "-" + width + "-"
                            + (page.isEmpty()
                                    ? "dashboard"
                                    : page.replaceAll("/[0-9a-f-]{36}$", "/one").replace('/', '-'));
                    Files.write(
                            shots.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
                    Number overflow = (Number) js("return document.documentElement.scrollWidth - window.innerWidth;");
                    if (overflow.intValue() > 1) {
                        problems.add(name + ": the page is " + overflow + " px wider than the window");
                    }
                    if (page.equals("inventory")) {
                        Number outside = (Number) js("""
                                return Array.from(document.querySelectorAll('#inventory-actions > *'))
                                    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).length;""");
                        if (outside.intValue() > 0) {
                            problems.add(name + ": " + outside + " inventory actions off screen");
                        }
                    }
                    if (language.equals("id")) {
                        String text = (String) js("return document.querySelector('vaadin-app-layout').innerText;");
                        Matcher english = ENGLISH.matcher(text);
                        while (english.find()) {
                            problems.add(name + ": English word \"" + english.group() + "\" in "
                                    + around(text, english.start()));
                        }
                    }
                }
            }
        }
        driver.manage().window().setSize(new Dimension(1366, 900));
        driver.get(PORTAL);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("main-nav")));
        openUserMenu();
        click(By.xpath("//vaadin-menu-bar-item[normalize-space()='Bahasa']"));
        click(By.id("lang-en"));
        wait.until(d -> d.findElement(By.id("main-nav")).getText().contains("Dashboard"));
        assertThat(problems).isEmpty();
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private static String around(String text, int at) {
        return "\""
                + text.substring(Math.max(0, at - 30), Math.min(text.length(), at + 30))
                        .replace('\n', ' ') + "\"";
    }
}

package id.lapak.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.local.LocalKeycloak;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Drives Debian's Chromium through its chromedriver against the whole product: the portal on port 18080, a real
 * Keycloak started with the realm file, an embedded PostgreSQL with the demo tenants. Never downloads a browser.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {
            "server.port=18080",
            "lapak.keycloak.url=",
            "lapak.keycloak.local.port=8181",
            "lapak.keycloak.local.management-port=9001",
            "lapak.keycloak.local.persistent=false",
            "lapak.demo.enabled=true",
            // A fixed path, so a second node started by a test reads the same master key.
            "lapak.keys.master-keystore=target/test-keys/browser-master-key.p12"
        })
@ActiveProfiles("test")
abstract class BrowserTestSupport {

    static final String PORTAL = "http://localhost:18080/";
    static final String DEMO_PASSWORD = "lapak-demo-2026";

    WebDriver driver;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        LocalKeycloak.current().awaitReady(Duration.ofMinutes(4));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("lapak.chromium", "/usr/bin/chromium"));
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1400,1000",
                "--lang=en-US");
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("lapak.chromedriver", "/usr/bin/chromedriver")))
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        // Vaadin re-renders parts of the page (a language change reloads it): look the element up again.
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    @AfterEach
    void closeBrowser(TestInfo test) throws Exception {
        if (driver != null) {
            Path dir = Files.createDirectories(Path.of("target/browser-screenshots"));
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(
                    shot.toPath(),
                    dir.resolve(test.getTestMethod().orElseThrow().getName() + ".png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            List<String> violations = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .map(LogEntry::getMessage)
                    .filter(message ->
                            message.contains("Content Security Policy") || message.contains("Content-Security-Policy"))
                    .toList();
            driver.quit();
            assertThat(violations)
                    .as("Content Security Policy violations Chromium reported")
                    .isEmpty();
        }
    }

    /**
     * Opens the portal, which sends the browser to Keycloak's login page, and logs in there. Merchant admins and
     * support must give a one-time code: the demo users have a pre-enrolled authenticator (see README).
     */
    void login(String username) {
        login(PORTAL, username);
    }

    /** {@link #login(String)} on the portal at {@code portal} (e.g. a second node), ending with a slash. */
    void login(String portal, String username) {
        submitLogin(portal, username, DEMO_PASSWORD);
        wait.until(d -> onPortal(portal) || !d.findElements(By.id("otp")).isEmpty());
        if (!onPortal(portal)) {
            enterOtp(username, Totp.base32(Totp.DEMO_SECRET_BASE32));
        }
        wait.until(d -> onPortal(portal));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("header-tenant")));
    }

    /**
     * Whether the browser shows the portal. Keycloak's own URLs name the portal too (the {@code redirect_uri} of the
     * authorization request), so "contains" would be true on the login page right after a submit.
     */
    boolean onPortal() {
        return onPortal(PORTAL);
    }

    private boolean onPortal(String portal) {
        return driver.getCurrentUrl().startsWith(portal.substring(0, portal.length() - 1));
    }

    /** Opens the portal and submits Keycloak's login form (what follows depends on the user). */
    void submitLogin(String username, String password) {
        submitLogin(PORTAL, username, password);
    }

    private void submitLogin(String portal, String username, String password) {
        driver.get(portal);
        wait.until(ExpectedConditions.urlContains("localhost:8181/realms/lapak"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
                .sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
    }

    /** One code per user and 30-second step: Keycloak refuses a code that was used already. */
    private static final java.util.Map<String, Long> LAST_STEP = new java.util.concurrent.ConcurrentHashMap<>();

    /** The next unused code for {@code key}, waiting for a new step if this user's last code is the current one. */
    static String nextCode(String username, byte[] key) {
        long step = Totp.step(java.time.Instant.now());
        Long last = LAST_STEP.get(username);
        while (last != null && step <= last) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            step = Totp.step(java.time.Instant.now());
        }
        LAST_STEP.put(username, step);
        return Totp.code(key, step);
    }

    void enterOtp(String username, byte[] key) {
        WebElement otp = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("otp")));
        otp.sendKeys(nextCode(username, key));
        driver.findElement(By.id("kc-login")).click();
    }

    void logout() {
        openUserMenu();
        click(By.id("logout"));
        wait.until(ExpectedConditions.urlContains("localhost:8181/realms/lapak"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    }

    void openUserMenu() {
        click(By.id("user-menu-button"));
    }

    void click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    /** Scrolls the page until the element is in the middle of the window (for what lies below the fold). */
    void scrollTo(By by) {
        WebElement element = wait.until(ExpectedConditions.presenceOfElementLocated(by));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    }

    void type(String fieldId, String text) {
        WebElement input =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#" + fieldId + " input")));
        input.clear();
        input.sendKeys(text);
    }

    String text(String id) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)))
                .getText();
    }

    String gridText(String gridId) {
        return (String) ((JavascriptExecutor) driver).executeScript("""
                return Array.from(document.querySelectorAll('#' + arguments[0] + ' vaadin-grid-cell-content'))
                    .map(e => e.textContent.trim()).filter(t => t).join('|');""", gridId);
    }

    void waitForGridToContain(String gridId, String text) {
        wait.until(d -> gridText(gridId).contains(text));
    }
}

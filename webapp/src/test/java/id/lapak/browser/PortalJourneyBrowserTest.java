package id.lapak.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The journeys that matter: log in through Keycloak, see your own tenant, manage a store, log out, switch language. */
class PortalJourneyBrowserTest extends BrowserTestSupport {

    @Test
    void merchantAdminLogsInCreatesAStoreAndLogsOut() {
        login("maju.admin");
        assertThat(text("header-tenant")).isEqualTo("Toko Maju");
        assertThat(text("tenant-name")).isEqualTo("Toko Maju");
        String activeBefore = text("stores-active");

        click(By.id("manage-stores"));
        waitForGridToContain("store-grid", "Maju Pusat");
        assertThat(gridText("store-grid")).contains("Maju Cabang Bandung").doesNotContain("Sejahtera");

        click(By.id("new-store"));
        // Saving an empty form shows what is missing and saves nothing.
        type("store-name", " ");
        click(By.id("store-save"));
        wait.until(ExpectedConditions.attributeToBe(By.id("store-name"), "invalid", "true"));
        assertThat(driver.findElement(By.id("store-name")).getDomProperty("errorMessage"))
                .isEqualTo("Enter the store name.");

        type("store-name", "Maju Surabaya");
        type("store-address", "Jl. Tunjungan No. 3");
        type("store-city", "Surabaya");
        click(By.id("store-save"));
        waitForGridToContain("store-grid", "Maju Surabaya");

        driver.get(PORTAL);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("stores-active")));
        assertThat(Integer.parseInt(text("stores-active"))).isEqualTo(Integer.parseInt(activeBefore) + 1);

        logout();
        driver.get(PORTAL);
        wait.until(ExpectedConditions.urlContains("localhost:8181/realms/lapak"));
    }

    @Test
    void merchantAdminsNeedAOneTimeCodeAndCashiersDoNot() {
        submitLogin("maju.admin", DEMO_PASSWORD);
        WebElement otp = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("otp")));
        String valid = Totp.code(Totp.base32(Totp.DEMO_SECRET_BASE32), Totp.step(java.time.Instant.now()));
        otp.sendKeys(valid.equals("123456") ? "654321" : "123456");
        driver.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("otp")));
        assertThat(driver.getCurrentUrl()).contains("localhost:8181");
        enterOtp("maju.admin", Totp.base32(Totp.DEMO_SECRET_BASE32));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("header-tenant")));
        logout();

        submitLogin("maju.cashier", DEMO_PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("header-tenant")));
        assertThat(driver.findElements(By.id("otp"))).isEmpty();
    }

    @Test
    void anotherTenantsAdminDoesNotSeeTokoMajusStores() {
        login("sejahtera.admin");
        assertThat(text("header-tenant")).isEqualTo("Kopi Sejahtera");
        driver.get(PORTAL + "stores");
        waitForGridToContain("store-grid", "Sejahtera Yogyakarta");
        assertThat(gridText("store-grid")).doesNotContain("Maju");
    }

    @Test
    void cashierIsRefusedTheStoresPage() {
        login("maju.cashier");
        assertThat(driver.findElements(By.cssSelector("#main-nav vaadin-side-nav-item[path='stores']")))
                .isEmpty();
        driver.get(PORTAL + "stores");
        assertThat(text("error-title")).isIn("Not allowed", "Page not found");
        // Both pages keep the portal's frame: the menu and the header stay, so the way on is one click.
        assertThat(driver.findElements(By.id("main-nav"))).isNotEmpty();
        assertThat(driver.findElements(By.id("header-tenant"))).isNotEmpty();
        driver.get(PORTAL + "no-such-page");
        wait.until(d -> d.findElement(org.openqa.selenium.By.id("error-title"))
                .getText()
                .equals("Page not found"));
        assertThat(driver.findElements(By.id("main-nav"))).isNotEmpty();
        assertThat(driver.getPageSource()).doesNotContain("Exception").doesNotContain("at id.lapak");
    }

    @Test
    void supportLandsInTheSupportAreaWithoutMerchantMenu() {
        driver.manage().deleteAllCookies();
        login("support");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("tenant-grid")));
        waitForGridToContain("tenant-grid", "Toko Maju");
        assertThat(gridText("tenant-grid")).contains("Kopi Sejahtera");
        assertThat(text("main-nav")).doesNotContain("Stores").doesNotContain("Dashboard");
    }

    @Test
    void languageSwitchShowsIndonesianAndIsRemembered() {
        login("maju.manager");
        assertThat(text("main-nav")).contains("Dashboard");
        openUserMenu();
        click(By.xpath("//vaadin-menu-bar-item[normalize-space()='Language']"));
        click(By.id("lang-id"));
        wait.until(d -> d.findElement(By.id("main-nav")).getText().contains("Dasbor"));
        assertThat(text("main-nav")).contains("Toko");

        logout();
        login("maju.manager");
        wait.until(d -> d.findElement(By.id("main-nav")).getText().contains("Dasbor"));

        openUserMenu();
        click(By.xpath("//vaadin-menu-bar-item[normalize-space()='Bahasa']"));
        click(By.id("lang-en"));
        wait.until(d -> d.findElement(By.id("main-nav")).getText().contains("Dashboard"));
    }
}

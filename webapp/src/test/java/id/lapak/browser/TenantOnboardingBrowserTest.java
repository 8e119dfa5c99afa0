package id.lapak.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Onboarding as people do it: support creates a tenant in the portal (in under a minute), its new admin logs in with
 * the temporary password and completes Keycloak's first-login steps (new password, one-time code app, e-mail link),
 * lands in an empty tenant, opens a store and invites a cashier, who logs in and sees only what a cashier may.
 */
class TenantOnboardingBrowserTest extends BrowserTestSupport {

    static TestMailbox mailbox;

    @BeforeEach
    void keycloakSendsMailToTheTestMailbox() throws Exception {
        if (mailbox == null) {
            mailbox = new TestMailbox();
            pointRealmSmtpAt(mailbox.port());
        }
    }

    @AfterAll
    static void closeMailbox() throws Exception {
        if (mailbox != null) {
            mailbox.close();
            mailbox = null;
        }
    }

    @Test
    void supportOnboardsAMerchantWhoseAdminLogsInAndInvitesACashier() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String tenantName = "Warung Baru " + suffix;
        String adminEmail = "owner-" + suffix + "@example.id";

        // Support onboards the merchant.
        login("support");
        Instant started = Instant.now();
        click(By.id("create-tenant"));
        type("onboard-name", tenantName);
        type("onboard-legal-name", "PT Warung Baru Sejahtera");
        type("onboard-tax-id", "01.234.567.8-901.000");
        type("onboard-admin-email", adminEmail);
        type("onboard-admin-first-name", "Dewi");
        type("onboard-admin-last-name", "Lestari");
        click(By.id("onboard-create"));
        String adminPassword = text("invitation-password");
        assertThat(text("invitation-login")).isEqualTo(adminEmail);
        Duration onboarding = Duration.between(started, Instant.now());
        assertThat(onboarding).isLessThan(Duration.ofMinutes(1));
        click(By.id("invitation-done"));
        waitForGridToContain("tenant-grid", tenantName);
        logout();

        // The new admin's first login: new password, one-time code app, e-mail link, then an empty tenant.
        String adminNewPassword = "Dewi-" + suffix + "-rahasia";
        firstLogin(adminEmail, adminPassword, adminNewPassword, true);
        assertThat(text("header-tenant")).isEqualTo(tenantName);
        assertThat(text("stores-active")).isEqualTo("0");

        driver.get(PORTAL + "stores");
        click(By.id("new-store"));
        type("store-name", "Warung Pusat");
        type("store-address", "Jl. Sudirman No. 1");
        type("store-city", "Jakarta");
        click(By.id("store-save"));
        waitForGridToContain("store-grid", "Warung Pusat");

        // The admin invites a cashier for that store.
        String cashierEmail = "kasir-" + suffix + "@example.id";
        driver.get(PORTAL + "users");
        waitForGridToContain("user-grid", adminEmail);
        click(By.id("invite-user"));
        type("invite-email", cashierEmail);
        type("invite-first-name", "Budi");
        type("invite-last-name", "Santoso");
        click(By.id("invite-send"));
        String cashierPassword = text("invitation-password");
        click(By.id("invitation-done"));
        waitForGridToContain("user-grid", cashierEmail);
        assertThat(gridText("user-grid")).contains("Cashier").contains("Warung Pusat");
        logout();

        // The cashier logs in and sees only what a cashier may.
        firstLogin(cashierEmail, cashierPassword, "Budi-" + suffix + "-rahasia", false);
        assertThat(text("header-tenant")).isEqualTo(tenantName);
        assertThat(text("main-nav"))
                .doesNotContain("Stores")
                .doesNotContain("Users")
                .doesNotContain("Devices");
        driver.get(PORTAL + "users");
        assertThat(text("error-title")).isIn("Not allowed", "Page not found");
        driver.get(PORTAL + "stores");
        assertThat(text("error-title")).isIn("Not allowed", "Page not found");
    }

    /**
     * Logs in with a temporary password and completes every step Keycloak asks for, in whatever order it asks, up to
     * the portal: choose a password, set up the one-time code app (from the "Unable to scan?" secret), follow the
     * e-mail link.
     */
    void firstLogin(String email, String temporaryPassword, String newPassword, boolean configuresOtp) {
        submitLogin(email, temporaryPassword);
        boolean passwordChosen = false;
        boolean otpConfigured = false;
        boolean emailVerified = false;
        Instant deadline = Instant.now().plusSeconds(240);
        while (!onPortal()) {
            assertThat(Instant.now()).as("first login finished in time").isBefore(deadline);
            if (present("password-new")) {
                driver.findElement(By.id("password-new")).sendKeys(newPassword);
                driver.findElement(By.id("password-confirm")).sendKeys(newPassword);
                driver.findElement(By.id("kc-submit")).click();
                passwordChosen = true;
            } else if (present("mode-manual")) {
                driver.findElement(By.id("mode-manual")).click();
            } else if (present("kc-totp-secret-key") && present("totp")) {
                byte[] key = Totp.base32(
                        driver.findElement(By.id("kc-totp-secret-key")).getText());
                driver.findElement(By.id("totp")).sendKeys(nextCode(email, key));
                driver.findElement(By.id("saveTOTPBtn")).click();
                otpConfigured = true;
            } else if (driver.getPageSource().contains("verify your email")) {
                driver.get(mailbox.awaitLink(email, Duration.ofSeconds(60)));
                emailVerified = true;
            } else if (present("kc-info-message")
                    && !driver.findElements(By.cssSelector("#kc-info-message a"))
                            .isEmpty()) {
                driver.findElement(By.cssSelector("#kc-info-message a")).click();
            }
            pause();
        }
        assertThat(passwordChosen).as("asked for a new password").isTrue();
        assertThat(emailVerified).as("asked to verify the e-mail").isTrue();
        assertThat(otpConfigured).as("asked to set up a one-time code").isEqualTo(configuresOtp);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("header-tenant")));
    }

    private boolean present(String id) {
        return driver.findElements(By.id(id)).stream().anyMatch(WebElement::isDisplayed);
    }

    private static void pause() {
        try {
            Thread.sleep(700);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Keycloak's e-mail settings are per realm: the test's Keycloak sends to this test's mailbox. */
    static void pointRealmSmtpAt(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String keycloak = "http://localhost:8181";
        HttpResponse<String> token = http.send(
                HttpRequest.newBuilder(URI.create(keycloak + "/realms/master/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "grant_type=password&client_id=admin-cli&username=admin&password=admin"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String accessToken = token.body().replaceAll(".*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        HttpResponse<String> update = http.send(
                HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/lapak"))
                        .header("Authorization", "Bearer " + accessToken)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"smtpServer": {"host": "localhost", "port": "%d", "from": "no-reply@lapak.test",
                         "fromDisplayName": "Lapak", "auth": "false", "ssl": "false", "starttls": "false"}}""".formatted(port)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(update.statusCode()).as(update.body()).isEqualTo(204);
    }
}

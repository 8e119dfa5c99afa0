package id.lapak.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.simulator.DeviceClient;
import id.lapak.simulator.DeviceFacts;
import id.lapak.simulator.DeviceHome;
import id.lapak.simulator.Heartbeat;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A merchant pairs a device from the portal: the simulator redeems the code shown and the device shows online. */
class DevicePairingBrowserTest extends BrowserTestSupport {

    @Test
    void merchantCreatesACodeTheSimulatorPairsAndTheDeviceIsOnline() throws Exception {
        login("maju.admin");
        driver.get(PORTAL + "devices");
        click(By.id("add-device"));
        var store = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#pairing-store input")));
        store.sendKeys("Maju Pusat");
        store.sendKeys(Keys.ENTER);
        click(By.id("create-pairing-code"));
        String code = wait.until(d -> {
            String text = d.findElement(By.id("pairing-code")).getText().strip();
            return text.length() >= 8 ? text : null;
        });

        Path home = Files.createTempDirectory("lapak-device");
        DeviceClient device = new DeviceClient(URI.create(PORTAL), new DeviceHome(home));
        var paired =
                device.pair(code, new DeviceFacts("Sunmi P2", "SN-BROWSER", "Android 13", "1.4.0", "Lapak R1", "RD-1"));
        assertThat(paired.storeId().toString()).isEqualTo("5d1e2a40-8c3b-4f6a-b7e9-1a2b3c4d5e01");
        device.heartbeat(Heartbeat.typical("1.4.0"));
        assertThat(device.config().status()).isEqualTo(200);

        driver.get(PORTAL + "devices");
        waitForGridToContain("device-grid", "Sunmi P2");
        assertThat(gridText("device-grid")).contains("Online");

        // The reader gets its key; the device page shows its status (never the key itself).
        device.requestReaderKey("RD-1", "AES128");

        // The device page: details, where each configuration value comes from, and the timeline.
        driver.get(PORTAL + "devices/" + paired.deviceId());
        wait.until(d -> d.findElement(By.id("device-name")).getText().contains("Sunmi P2"));
        wait.until(d -> d.findElement(By.id("device-reader-key")).getText().contains("Installed on reader RD-1"));
        assertThat(driver.findElement(By.id("device-reader-key")).getText()).doesNotContain("BDK", "AES128");
        assertThat(driver.findElement(By.id("device-reader-key")).getDomAttribute("title"))
                .contains("AES128 · BDK version 1");
        assertThat(driver.findElement(By.id("device-connectivity")).getText()).doesNotContain("WIFI");
        waitForGridToContain("device-config-grid", "Lapak default");
        waitForGridToContain("device-config-grid", "Chip, Contactless (tap), Swipe");
        assertThat(gridText("device-config-grid")).doesNotContain("[\"CHIP", "true", "false");
        waitForGridToContain("device-timeline", "battery 80 %");
        assertThat(gridText("device-timeline"))
                .contains("received its payment encryption key")
                .doesNotContain("READER_KEY_INJECTED", "BDK v");

        // Layers and alert thresholds open for the merchant admin.
        driver.get(PORTAL + "devices/settings");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("settings-layer")));
        driver.get(PORTAL + "reader-keys");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reader-keys")));
        assertThat(text("reader-keys-explain")).contains("encrypted");
        click(By.cssSelector("#reader-keys-technical vaadin-details-summary"));
        waitForGridToContain("reader-key-versions-aes128", "1");
        driver.get(PORTAL + "alerts");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("alert-offline-minutes")));
        assertThat(driver.getPageSource()).doesNotContain("Exception");

        // The audit log speaks in sentences; a row opens every fact of the entry, identifiers included.
        driver.get(PORTAL + "audit-log");
        waitForGridToContain("audit-grid", "Card reader received its payment key");
        assertThat(gridText("audit-grid"))
                .contains("Card reader device")
                .doesNotContain("reader_key.injected", "{\"", "0:0:0:0:0:0:0:1", "(DEVICE)");
        driver.findElements(By.cssSelector("#audit-grid vaadin-grid-cell-content")).stream()
                .filter(cell -> cell.getText().contains("Card reader received its payment key"))
                .findFirst()
                .orElseThrow()
                .click();
        wait.until(d -> dialogText().contains("Recorded as") && dialogText().contains("reader_key.injected"));
    }

    private String dialogText() {
        return (String) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("""
                return (document.querySelector('#audit-entry')?.textContent || '')
                    + (document.querySelector('vaadin-dialog-overlay')?.textContent || '');""");
    }
}

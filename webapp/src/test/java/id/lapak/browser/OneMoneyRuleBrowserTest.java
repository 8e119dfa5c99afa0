package id.lapak.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.billing.gateway.sandbox.SandboxTestCard;
import id.lapak.catalog.customers.CustomerDetails;
import id.lapak.catalog.customers.CustomerForm;
import id.lapak.catalog.customers.CustomerService;
import id.lapak.catalog.items.CatalogService;
import id.lapak.catalog.items.ItemDetails;
import id.lapak.catalog.items.ItemForm;
import id.lapak.catalog.items.VariantForm;
import id.lapak.catalog.stock.StockQuantity;
import id.lapak.catalog.stock.StockService;
import id.lapak.device.pairing.PairingCodes;
import id.lapak.simulator.DeviceClient;
import id.lapak.simulator.DeviceFacts;
import id.lapak.simulator.DeviceHome;
import id.lapak.simulator.PaymentDraft;
import id.lapak.simulator.PaymentReply;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.money.Money;
import id.lapak.testing.TestUsers;
import id.lapak.testing.TestUsers.TestUser;
import java.nio.file.Files;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The money journey in Chromium: an item priced Rp 15.000 in Toko Maju's catalog, a device that reads the price
 * from the feed over HTTP and charges two, and the portal's Sales list, sale page and customer page reading
 * IDR 30,000 in English and Rp 30.000 in Indonesian — never 300, 3.000.000 or ",00".
 */
class OneMoneyRuleBrowserTest extends BrowserTestSupport {

    private static final UUID TOKO_MAJU = UUID.fromString("0b6c3f3e-5a2d-4c1e-9d7a-2f0e8b1a7c01");
    private static final UUID MAJU_PUSAT = UUID.fromString("5d1e2a40-8c3b-4f6a-b7e9-1a2b3c4d5e01");

    @Autowired
    CatalogService catalog;

    @Autowired
    StockService stock;

    @Autowired
    CustomerService customers;

    @Autowired
    PairingCodes codes;

    @Test
    void rp15000TimesTwoReadsRp30000OnEveryPageInBothLanguages() throws Exception {
        TestUser admin = TestUsers.user(TOKO_MAJU, Set.of(), Role.MERCHANT_ADMIN);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        long price = Money.parse("Rp 15.000", Currency.getInstance("IDR"), Locale.forLanguageTag("id-ID"))
                .minor();
        ItemDetails tea = TestUsers.as(
                admin,
                () -> catalog.create(new ItemForm(
                        "Teh Melati " + suffix,
                        null,
                        null,
                        null,
                        "gelas",
                        true,
                        List.of(new VariantForm(null, "", "TEH-" + suffix, null, price, null, true)))));
        UUID variant = tea.variants().getFirst().id();
        TestUsers.run(admin, () -> stock.receive(MAJU_PUSAT, List.of(new StockQuantity(variant, 10)), "PO-" + suffix));
        CustomerDetails sari = TestUsers.as(
                admin, () -> customers.create(new CustomerForm("Sari " + suffix, "", "", "", Set.of(), false)));

        String code = TestUsers.as(admin, () -> codes.create(MAJU_PUSAT, null)).displayCode();
        DeviceClient device = new DeviceClient(
                java.net.URI.create(PORTAL), new DeviceHome(Files.createTempDirectory("lapak-device")));
        device.pair(code, new DeviceFacts("Sunmi V2", "SN-" + suffix, "Android 14", "1.2.0", "R1", "RD-" + suffix));
        device.requestReaderKey("RD-" + suffix, "AES128");
        long unit = unitPriceFromTheFeed(device, variant);
        PaymentReply paid = device.pay(new PaymentDraft(
                UUID.randomUUID().toString(),
                2 * unit,
                "IDR",
                0,
                List.of(new PaymentDraft.Line(variant, "Teh Melati", 2, unit, 0, 2 * unit)),
                sari.id(),
                "CHIP",
                null,
                false,
                SandboxTestCard.VISA_APPROVED.pan(),
                "3012",
                null));
        assertThat(paid.outcome()).isEqualTo("APPROVED");

        login("maju.admin");
        showsEverywhere(paid.paymentId(), sari.id(), "IDR 30,000", "IDR 15,000");

        openUserMenu();
        click(By.xpath("//vaadin-menu-bar-item[normalize-space()='Language']"));
        click(By.id("lang-id"));
        wait.until(d -> d.findElement(By.id("main-nav")).getText().contains("Dasbor"));
        try {
            showsEverywhere(paid.paymentId(), sari.id(), "Rp 30.000", "Rp 15.000");
        } finally {
            openUserMenu();
            click(By.xpath("//vaadin-menu-bar-item[normalize-space()='Bahasa']"));
            click(By.id("lang-en"));
            wait.until(d -> d.findElement(By.id("main-nav")).getText().contains("Dashboard"));
        }
    }

    private static long unitPriceFromTheFeed(DeviceClient device, UUID variant) {
        JsonNode feed = device.catalog().page("0", null);
        assertThat(feed.path("fractionDigits").asInt(-1)).isZero();
        for (JsonNode change : feed.path("changes")) {
            if (variant.toString().equals(change.path("id").asString())) {
                return change.path("priceMinor").asLong();
            }
        }
        throw new AssertionError("the variant is not in the feed");
    }

    private void showsEverywhere(UUID sale, UUID customer, String total, String unit) {
        driver.get(PORTAL + "sales/" + sale);
        wait.until(d -> normalized(d.findElement(By.tagName("body")).getText()).contains(total));
        String salePage = normalized(driver.findElement(By.tagName("body")).getText());
        assertThat(salePage)
                .contains(total)
                .contains(unit)
                .doesNotContain(total + ",00")
                .doesNotContain(total + ".00");
        // The card network's answer (response code, acquirer reference) waits under "Technical details", closed.
        assertThat(driver.findElements(By.id("sale-technical"))).isNotEmpty();
        assertThat(driver.findElement(By.id("sale-facts")).getText())
                .doesNotContain("Response code")
                .doesNotContain("Kode respons");
        // The payment timeline names the device in the page's words and leaves references to the technical part.
        String timeline = gridText("sale-timeline");
        assertThat(timeline).doesNotContain("SBX").doesNotContain("device ");
        assertThat(timeline).containsAnyOf("Device ", "Perangkat ");

        driver.get(PORTAL + "sales");
        wait.until(d -> normalized(gridText("sales-grid")).contains(total));

        driver.get(PORTAL + "customers/customer/" + customer);
        wait.until(d -> normalized(d.findElement(By.tagName("body")).getText()).contains(total));
    }

    /** Vaadin and the JDK put a no-break space between the currency and the amount; read it as a space. */
    private static String normalized(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }
}

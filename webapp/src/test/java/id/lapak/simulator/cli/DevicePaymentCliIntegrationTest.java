package id.lapak.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.billing.sale.SaleDetails;
import id.lapak.billing.sale.SaleFilter;
import id.lapak.billing.sale.SalesService;
import id.lapak.catalog.items.CatalogService;
import id.lapak.device.DeviceService;
import id.lapak.device.pairing.PairingCodes;
import id.lapak.sale.RecordedSaleEvents;
import id.lapak.simulator.DeviceClient;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.store.StoreService;
import id.lapak.testing.SameSecurityContextStrategy;
import id.lapak.testing.TestCatalog;
import id.lapak.testing.TestMerchants;
import id.lapak.testing.TestUsers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** {@code bin/lapak-device pay} and {@code upload} against the running application and its sandbox acquirer. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(SameSecurityContextStrategy.class)
@Import(RecordedSaleEvents.class)
class DevicePaymentCliIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    StoreService stores;

    @Autowired
    PairingCodes codes;

    @Autowired
    SalesService sales;

    @Autowired
    DeviceService devices;

    @Autowired
    CatalogService catalog;

    private record Run(int status, String out, String err) {}

    private static Run run(Path home, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        String[] withHome = java.util.stream.Stream.concat(
                        java.util.Arrays.stream(args), java.util.stream.Stream.of("--home", home.toString()))
                .toArray(String[]::new);
        int status = new Cli(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        home)
                .run(withHome);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void payDeclineOfflineUploadAndLoadFromTheCommandLine() throws Exception {
        var merchant = TestMerchants.create(tenants, stores, "Baris");
        DeviceClient device = TestMerchants.pairSimulator(
                codes, merchant.admin(), merchant.store().id(), port);
        Path home = device.home().dir();
        assertThat(run(home, "keys", "--alg", "aes128", "--reader-serial", "RD-CLI")
                        .status())
                .isZero();
        assertThat(run(home, "config").status()).isZero();

        Run paid = run(home, "pay", "--amount", "150000");
        assertThat(paid.status()).isZero();
        // 150000 minor units of the store's currency, read with the payment's own fractionDigits: Rp 150.000.
        assertThat(paid.out())
                .startsWith("APPROVED payment ")
                .contains("status CAPTURED", "411111******1111")
                .contains("amount IDR 150000")
                .doesNotContain("4111111111111111");

        Run declined = run(
                home,
                "pay",
                "--amount",
                "5000",
                "--card",
                "4000000000000002",
                "--expiry",
                "1230",
                "--entry",
                "contactless");
        assertThat(declined.out()).startsWith("DECLINED").contains("reason do_not_honour", "code 05");

        Run stored = run(home, "pay", "--amount", "20000", "--offline", "--entry", "swipe");
        assertThat(stored.out()).contains("stored offline payment", "(1 waiting)");
        assertThat(run(home, "heartbeat").status()).isZero();
        UUID deviceId = device.home().pairing().deviceId();
        assertThat(TestUsers.as(merchant.admin(), () -> devices.get(deviceId)).pendingUploads())
                .isEqualTo(1);
        Run uploaded = run(home, "upload");
        assertThat(uploaded.status()).isZero();
        assertThat(uploaded.out()).contains("APPROVED payment", "offline at", "0 still waiting");

        Run load = run(home, "pay", "--amount", "1000", "--count", "40", "--concurrency", "8");
        assertThat(load.status()).as(load.err()).isZero();
        assertThat(load.out()).contains("40 payments in", "APPROVED: 40");
        assertThat(TestUsers.as(merchant.admin(), () -> sales.count(SaleFilter.all())))
                .isEqualTo(43);
        assertThat(TestUsers.as(
                        merchant.admin(), () -> sales.count(SaleFilter.all().withOffline(true))))
                .isEqualTo(1);
    }

    @Test
    void aPaymentNamesItsCashierAndMaySellADiscountedLine() throws Exception {
        var merchant = TestMerchants.create(tenants, stores, "Kasir");
        DeviceClient device = TestMerchants.pairSimulator(
                codes, merchant.admin(), merchant.store().id(), port);
        Path home = device.home().dir();
        assertThat(run(home, "keys", "--alg", "aes128", "--reader-serial", "RD-KASIR")
                        .status())
                .isZero();
        UUID variant = TestCatalog.variant(catalog, merchant.admin(), "Kopi");

        Run sold = run(
                home,
                "pay",
                "--amount",
                "47000",
                "--tip",
                "2000",
                "--cashier",
                "K-07:Sari",
                "--variant",
                variant.toString(),
                "--quantity",
                "2",
                "--price",
                "25000",
                "--discount",
                "5000");
        assertThat(sold.status()).as(sold.err()).isZero();
        SaleDetails sale = TestUsers.as(merchant.admin(), () -> sales.get(paymentId(sold)));
        assertThat(sale.cashierCode()).isEqualTo("K-07");
        assertThat(sale.cashierName()).isEqualTo("Sari");
        assertThat(sale.lines()).singleElement().satisfies(line -> {
            assertThat(line.discountMinor()).isEqualTo(5_000L);
            assertThat(line.totalMinor()).isEqualTo(45_000L);
        });

        Run plain = run(home, "pay", "--amount", "10000");
        assertThat(TestUsers.as(merchant.admin(), () -> sales.get(paymentId(plain)))
                        .cashierCode())
                .isEqualTo("SIM-1");
        Run none = run(home, "pay", "--amount", "10000", "--cashier", "none");
        assertThat(TestUsers.as(merchant.admin(), () -> sales.get(paymentId(none)))
                        .cashierCode())
                .isNull();
        Run wrong = run(
                home,
                "pay",
                "--amount",
                "10000",
                "--variant",
                variant.toString(),
                "--price",
                "9000",
                "--discount",
                "1");
        assertThat(wrong.status()).isNotZero();
        assertThat(wrong.err()).contains("--discount must be --amount less --tip");
    }

    private static UUID paymentId(Run run) {
        var matcher = java.util.regex.Pattern.compile("payment ([0-9a-f-]{36})").matcher(run.out());
        assertThat(matcher.find()).as(run.out() + run.err()).isTrue();
        return UUID.fromString(matcher.group(1));
    }
}

package id.lapak.carddata;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.billing.gateway.sandbox.SandboxTestCard;
import id.lapak.catalog.items.CatalogService;
import id.lapak.device.pairing.PairingCodes;
import id.lapak.simulator.DeviceClient;
import id.lapak.simulator.PaymentDraft;
import id.lapak.simulator.PaymentReply;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.store.StoreService;
import id.lapak.testing.ServerIntegrationTest;
import id.lapak.testing.TestCatalog;
import id.lapak.testing.TestMerchants;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * No card number is stored or logged: after payments with every test card (online, offline, swiped, refunded), a
 * dump of the whole database and the application log hold no test PAN in any form and no other Luhn-valid card
 * number. Runs after the other test classes ({@link ClassOrderer.OrderAnnotation}), so it also sees what they left
 * in the database they share with it and in the log.
 */
@ServerIntegrationTest
@Order(Integer.MAX_VALUE)
class CardDataScanIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    CatalogService catalog;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    StoreService stores;

    @Autowired
    PairingCodes codes;

    @Value("${spring.flyway.url}")
    String url;

    @Value("${spring.flyway.user}")
    String owner;

    @Value("${spring.flyway.password}")
    String ownerPassword;

    @Value("${logging.file.name}")
    String logFile;

    @Test
    void neitherTheDatabaseNorTheLogHoldsACardNumber() throws Exception {
        var merchant = TestMerchants.create(tenants, stores, "Pindai");
        DeviceClient device = TestMerchants.pairSimulator(
                codes, merchant.admin(), merchant.store().id(), port);
        device.requestReaderKey("RD-1", "AES128");
        UUID tea = TestCatalog.variant(catalog, merchant.admin(), "Teh");
        List<String> pans = new ArrayList<>(Arrays.stream(SandboxTestCard.values())
                .map(SandboxTestCard::pan)
                .toList());
        pans.add("4242424242424242");
        List<PaymentReply> approved = new ArrayList<>();
        for (String pan : pans) {
            PaymentReply reply = device.pay(PaymentDraft.of(12_300, "IDR", pan, "3012")
                    .withLines(List.of(new PaymentDraft.Line(tea, "Teh", 1, 12_300, 0, 12_300))));
            if ("APPROVED".equals(reply.outcome())) {
                approved.add(reply);
            }
        }
        // A swipe carries track 2 equivalent data; an offline payment is stored on the device and uploaded later;
        // a card with a past expiry and a number failing the Luhn check are refused.
        device.pay(PaymentDraft.of(5_000, "IDR", "5555555555554444", "3012")
                .withEntryMode("SWIPE", "5555555555554444D30121010000000000"));
        device.offline()
                .store(PaymentDraft.of(7_000, "IDR", "4111111111111111", "3012").offlineAt(Instant.now()));
        device.offline().upload();
        device.pay(PaymentDraft.of(5_000, "IDR", "4111111111111111", "2001"));
        try {
            device.pay(PaymentDraft.of(5_000, "IDR", "4111111111111112", "3012"));
        } catch (RuntimeException refused) {
            // refused as invalid: what matters is what was kept of it
        }
        assertThat(approved).hasSizeGreaterThanOrEqualTo(7);
        device.refund(approved.getFirst().paymentId(), 1_000, false, "scan", "scan-refund");

        String dump = DatabaseDump.dump(url, owner, ownerPassword);
        String log = Files.readString(Path.of(logFile));
        CardNumberScanner scanner = new CardNumberScanner(pans);
        // The scan is only worth something if the payments are in the dump and the log is the live one.
        assertThat(dump)
                .contains("411111******1111")
                .contains("sandbox_journal")
                .contains("-- public.sale\n");
        assertThat(log).contains("Started");

        assertThat(scanner.scan("database dump", dump)).isEmpty();
        assertThat(scanner.scan(logFile, log)).isEmpty();
    }
}

package id.lapak.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapak.billing.gateway.sandbox.JournalEntry;
import id.lapak.billing.gateway.sandbox.SandboxSettlementFile;
import id.lapak.billing.gateway.sandbox.SandboxTestCard;
import id.lapak.billing.sale.SaleDetails;
import id.lapak.billing.sale.SaleFilter;
import id.lapak.billing.sale.SaleSummary;
import id.lapak.billing.sale.SaleTotals;
import id.lapak.billing.sale.SalesService;
import id.lapak.catalog.customers.CustomerDetails;
import id.lapak.catalog.customers.CustomerFigures;
import id.lapak.catalog.customers.CustomerForm;
import id.lapak.catalog.customers.CustomerPurchase;
import id.lapak.catalog.customers.CustomerService;
import id.lapak.catalog.items.CatalogService;
import id.lapak.catalog.items.ItemDetails;
import id.lapak.catalog.items.ItemForm;
import id.lapak.catalog.items.VariantForm;
import id.lapak.catalog.stock.MovementKind;
import id.lapak.catalog.stock.StockMovement;
import id.lapak.catalog.stock.StockQuantity;
import id.lapak.catalog.stock.StockService;
import id.lapak.device.pairing.PairingCodes;
import id.lapak.simulator.ApiException;
import id.lapak.simulator.DeviceClient;
import id.lapak.simulator.PaymentDraft;
import id.lapak.simulator.PaymentReply;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.money.Money;
import id.lapak.tenant.store.StoreService;
import id.lapak.testing.ServerIntegrationTest;
import id.lapak.testing.TestMerchants;
import id.lapak.testing.TestMerchants.Merchant;
import id.lapak.testing.TestUsers;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import tools.jackson.databind.JsonNode;

/**
 * The journey that would have caught two meanings of a rupiah: an item priced Rp 15.000 in the catalog, the feed a
 * device reads over HTTP, the device charging two of them with the feed's own figures, the sandbox acquirer's
 * journal, and every page that shows the sale (list, sale, receipt, customer, stock) reading Rp 30.000 in
 * Indonesian and IDR 30,000 in English, formatted as the pages format it.
 */
@ServerIntegrationTest
class OneMoneyRuleIntegrationTest {

    private static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");

    @LocalServerPort
    int port;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    StoreService stores;

    @Autowired
    PairingCodes codes;

    @Autowired
    CatalogService catalog;

    @Autowired
    CustomerService customers;

    @Autowired
    StockService stock;

    @Autowired
    SalesService sales;

    @Autowired
    Receipts receipts;

    @Autowired
    SandboxSettlementFile settlement;

    Merchant merchant;
    DeviceClient device;

    @BeforeEach
    void shopWithAPairedDevice() throws Exception {
        merchant = TestMerchants.create(tenants, stores, "Rupiah");
        device = TestMerchants.pairSimulator(
                codes, merchant.admin(), merchant.store().id(), port);
        device.requestReaderKey("RD-RUPIAH", "AES128");
        device.config();
    }

    @Test
    void rp15000TimesTwoIsRp30000FromTheCatalogToEveryPage() {
        Currency idr = Currency.getInstance("IDR");
        long price = Money.parse("Rp 15.000", idr, INDONESIAN).minor();
        ItemDetails tea = TestUsers.as(
                merchant.admin(),
                () -> catalog.create(new ItemForm(
                        "Teh Melati",
                        null,
                        null,
                        null,
                        "gelas",
                        true,
                        List.of(new VariantForm(null, "", "TEH-RP", null, price, null, true)))));
        UUID variant = tea.variants().getFirst().id();
        TestUsers.run(
                merchant.admin(),
                () -> stock.receive(merchant.store().id(), List.of(new StockQuantity(variant, 10)), "PO-RUPIAH"));
        CustomerDetails sari = TestUsers.as(
                merchant.admin(),
                () -> customers.create(new CustomerForm("Sari Dewi", "+62 812-7000-3000", "", "", Set.of(), false)));

        // The device knows the price and its minor unit only from the feed.
        JsonNode feed = device.catalog().page("0", null);
        assertThat(feed.path("currency").asString()).isEqualTo("IDR");
        int feedDigits = feed.path("fractionDigits").asInt(-1);
        assertThat(feedDigits).isZero();
        JsonNode feedVariant = null;
        for (JsonNode change : feed.path("changes")) {
            if ("variant".equals(change.path("type").asString())
                    && variant.toString().equals(change.path("id").asString())) {
                feedVariant = change;
            }
        }
        assertThat(feedVariant).as("the variant in the feed").isNotNull();
        long unit = feedVariant.path("priceMinor").asLong();
        assertThat(unit).isEqualTo(15_000);
        assertThat(device.storeFractionDigits("IDR")).hasValue(feedDigits);

        // A device that says it counts in hundredths, or sends a fraction of a minor unit, is refused.
        PaymentDraft two = new PaymentDraft(
                UUID.randomUUID().toString(),
                2 * unit,
                feed.path("currency").asString(),
                0,
                List.of(new PaymentDraft.Line(variant, "Teh Melati", 2, unit, 0, 2 * unit)),
                sari.id(),
                "CHIP",
                null,
                false,
                SandboxTestCard.VISA_APPROVED.pan(),
                "3012",
                null);
        String body = device.paymentJson(two);
        assertThat(body).contains("\"fractionDigits\":0");
        assertThatThrownBy(() -> device.sendPayment(device.paymentJson(new PaymentDraft(
                                UUID.randomUUID().toString(),
                                two.amountMinor(),
                                two.currency(),
                                0,
                                two.lines(),
                                null,
                                "CHIP",
                                null,
                                false,
                                two.pan(),
                                "3012",
                                null))
                        .replace("\"fractionDigits\":0", "\"fractionDigits\":2")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.reason()).isEqualTo("fraction_digits_mismatch");
                });
        assertThatThrownBy(() -> device.sendPayment(device.paymentJson(new PaymentDraft(
                                UUID.randomUUID().toString(),
                                two.amountMinor(),
                                two.currency(),
                                0,
                                List.of(),
                                null,
                                "CHIP",
                                null,
                                false,
                                two.pan(),
                                "3012",
                                null))
                        .replace("\"amountMinor\":30000", "\"amountMinor\":30000.5")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.reason()).isEqualTo("amount_precision");
                });

        PaymentReply paid = device.sendPayment(body);
        assertThat(paid.outcome()).isEqualTo("APPROVED");
        assertThat(paid.body().path("approvedAmountMinor").asLong()).isEqualTo(30_000);
        assertThat(paid.body().path("fractionDigits").asInt(-1)).isEqualTo(feedDigits);
        assertThat(paid.approvedAmount()).isEqualTo("IDR 30000");
        UUID sale = paid.paymentId();

        // The acquirer authorized and captured 30,000 rupiah.
        List<JournalEntry> all = settlement.entries(
                Instant.now().minus(1, ChronoUnit.HOURS), Instant.now().plusSeconds(5));
        String reference = all.stream()
                .filter(e -> e.requestId().equals(sale.toString()))
                .findFirst()
                .orElseThrow()
                .reference();
        List<JournalEntry> journal = all.stream()
                .filter(e -> e.requestId().equals(sale.toString()) || reference.equals(e.authorizationReference()))
                .toList();
        assertThat(journal)
                .extracting(JournalEntry::operation)
                .containsExactly(JournalEntry.Operation.AUTHORIZE, JournalEntry.Operation.CAPTURE);
        assertThat(journal).allSatisfy(e -> {
            assertThat(e.currency()).isEqualTo("IDR");
            assertThat(e.approvedMinor()).isEqualTo(30_000);
            assertThat(show(e.approvedMinor(), INDONESIAN)).isEqualTo("Rp 30.000");
        });

        // The Sales list and its totals.
        SaleSummary listed =
                TestUsers.as(
                                merchant.admin(),
                                () -> sales.search(SaleFilter.all(), PageRequest.of(0, 10))
                                        .getContent())
                        .stream()
                        .filter(s -> s.id().equals(sale))
                        .findFirst()
                        .orElseThrow();
        assertRupiah30000(listed.amountMinor());
        SaleTotals totals = TestUsers.as(merchant.admin(), () -> sales.totals(SaleFilter.all()))
                .getFirst();
        assertRupiah30000(totals.approvedMinor());
        assertRupiah30000(totals.netMinor());

        // The sale page.
        SaleDetails details = TestUsers.as(merchant.admin(), () -> sales.get(sale));
        assertRupiah30000(details.sale().amountMinor());
        assertRupiah30000(details.sale().authorizedMinor());
        assertRupiah30000(details.sale().capturedMinor());
        assertThat(details.lines()).singleElement().satisfies(l -> {
            assertRupiah30000(l.totalMinor());
            assertThat(show(l.unitPriceMinor(), INDONESIAN)).isEqualTo("Rp 15.000");
        });

        // The receipt, in both languages.
        Receipts.Receipt receipt = TestUsers.as(merchant.admin(), () -> receipts.receipt(sale));
        Receipts.Translator keys = (locale, key, args) -> key;
        String indonesian = receipts.html(receipt, INDONESIAN, keys);
        String english = receipts.html(receipt, Locale.ENGLISH, keys);
        assertThat(indonesian)
                .contains("Rp 30.000")
                .contains("Rp 15.000")
                .doesNotContain("30.000,00")
                .doesNotContain("300,00");
        assertThat(english)
                .contains("IDR 30,000")
                .contains("IDR 15,000")
                .doesNotContain("30,000.00")
                .doesNotContain("300.00");

        // The customer's spending.
        List<CustomerFigures> figures = TestUsers.as(merchant.admin(), () -> customers.figures(sari.id()));
        assertThat(figures).singleElement().satisfies(f -> {
            assertThat(f.currency()).isEqualTo("IDR");
            assertRupiah30000(f.totalSpentMinor());
        });
        List<CustomerPurchase> purchases = TestUsers.as(
                merchant.admin(),
                () -> customers.purchases(sari.id(), PageRequest.of(0, 10)).getContent());
        assertThat(purchases).singleElement().satisfies(p -> assertRupiah30000(p.amountMinor()));

        // The stock movement: two glasses out for this sale, at the price the sale line shows.
        List<StockMovement> movements = TestUsers.as(
                merchant.admin(),
                () -> stock.movements(merchant.store().id(), variant, MovementKind.SALE, PageRequest.of(0, 10))
                        .getContent());
        assertThat(movements).singleElement().satisfies(m -> {
            assertThat(m.quantity()).isEqualTo(-2);
            assertThat(m.referenceId()).isEqualTo(sale);
            assertThat(m.resultingOnHand()).isEqualTo(8);
        });
        assertRupiah30000(details.lines().getFirst().unitPriceMinor()
                * -movements.getFirst().quantity());
    }

    private static String show(long minor, Locale locale) {
        return Money.of(minor, "IDR").format(locale);
    }

    private static void assertRupiah30000(long minor) {
        assertThat(minor).isEqualTo(30_000);
        assertThat(show(minor, INDONESIAN)).isEqualTo("Rp 30.000");
        assertThat(show(minor, Locale.ENGLISH)).isEqualTo("IDR 30,000");
    }
}

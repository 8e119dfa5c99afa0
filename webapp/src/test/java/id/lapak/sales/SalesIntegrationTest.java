package id.lapak.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import id.lapak.billing.gateway.sandbox.SandboxAcquirer;
import id.lapak.billing.gateway.sandbox.SandboxTestCard;
import id.lapak.billing.sale.OperationKind;
import id.lapak.billing.sale.PaymentEvent;
import id.lapak.billing.sale.SaleDetails;
import id.lapak.billing.sale.SaleFilter;
import id.lapak.billing.sale.SaleNotFoundException;
import id.lapak.billing.sale.SaleStatus;
import id.lapak.billing.sale.SaleSummary;
import id.lapak.billing.sale.SaleTotals;
import id.lapak.billing.sale.SalesService;
import id.lapak.catalog.items.CatalogService;
import id.lapak.catalog.mail.MailOutbox;
import id.lapak.catalog.mail.MailOutboxSender;
import id.lapak.device.config.ConfigScope;
import id.lapak.device.config.DeviceConfigService;
import id.lapak.device.pairing.PairingCodes;
import id.lapak.i18n.PortalWords;
import id.lapak.simulator.DeviceClient;
import id.lapak.simulator.PaymentDraft;
import id.lapak.simulator.PaymentReply;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.tenant.store.StoreService;
import id.lapak.testing.Await;
import id.lapak.testing.ServerIntegrationTest;
import id.lapak.testing.TestCatalog;
import id.lapak.testing.TestMerchants;
import id.lapak.testing.TestMerchants.Merchant;
import id.lapak.testing.TestUsers;
import id.lapak.testing.TestUsers.TestUser;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Sales as the portal reads them, made by a simulated device against the sandbox acquirer: the list's filters and
 * totals, a sale's lines and timeline, a refund reaching the card account, the receipt and its e-mail.
 */
@ServerIntegrationTest
class SalesIntegrationTest {

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

    @Autowired
    SalesService sales;

    @Autowired
    SandboxAcquirer acquirer;

    @Autowired
    Receipts receipts;

    @Autowired
    MailOutbox mailOutbox;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformAccess platform;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    DeviceConfigService deviceConfig;

    Merchant merchant;
    DeviceClient device;

    @BeforeEach
    void merchantWithAPairedDevice() throws Exception {
        merchant = TestMerchants.create(tenants, stores, "Laris");
        device = TestMerchants.pairSimulator(
                codes, merchant.admin(), merchant.store().id(), port);
        device.requestReaderKey("RD-1", "AES128");
    }

    private PaymentReply pay(SandboxTestCard card, long amount) {
        return device.pay(PaymentDraft.of(amount, "IDR", card.pan(), "3012"));
    }

    @Test
    void salesListFiltersTotalsAndDetailsWithTheAcquirersReferences() {
        PaymentDraft coffee = PaymentDraft.of(166_500, "IDR", SandboxTestCard.VISA_APPROVED.pan(), "3012")
                .withLines(List.of(new PaymentDraft.Line(
                        TestCatalog.variant(catalog, merchant.admin(), "Kopi susu"),
                        "Kopi susu",
                        2,
                        75_000,
                        16_500,
                        166_500)));
        PaymentReply approved = device.pay(coffee);
        assertThat(approved.outcome()).isEqualTo("APPROVED");
        PaymentReply declined = pay(SandboxTestCard.DO_NOT_HONOUR, 20_000);
        assertThat(declined.outcome()).isEqualTo("DECLINED");
        PaymentReply poor = pay(SandboxTestCard.INSUFFICIENT_FUNDS, 60_000);
        assertThat(poor.responseCode()).isEqualTo("51");
        long timeoutHeld = acquirer.balanceOf(SandboxTestCard.TIMEOUT).heldMinor();
        PaymentReply lost = pay(SandboxTestCard.TIMEOUT, 30_000);
        assertThat(lost.outcome()).isEqualTo("TIMED_OUT");
        assertThat(acquirer.balanceOf(SandboxTestCard.TIMEOUT).heldMinor()).isEqualTo(timeoutHeld);
        PaymentReply jcb = pay(SandboxTestCard.JCB_APPROVED, 10_000);

        TestUser admin = merchant.admin();
        List<SaleSummary> all = TestUsers.as(
                admin,
                () -> sales.search(SaleFilter.all(), PageRequest.of(0, 50)).getContent());
        assertThat(all).hasSize(5);
        assertThat(TestUsers.as(
                        admin,
                        () -> sales.search(SaleFilter.all().withLast4("1111"), PageRequest.of(0, 50))
                                .getContent()))
                .extracting(SaleSummary::id)
                .containsExactly(approved.paymentId());
        assertThat(TestUsers.as(
                        admin,
                        () -> sales.search(
                                        SaleFilter.all().withStatuses(Set.of(SaleStatus.DECLINED)),
                                        PageRequest.of(0, 50))
                                .getContent()))
                .extracting(SaleSummary::id)
                .containsExactlyInAnyOrder(declined.paymentId(), poor.paymentId());
        List<SaleTotals> totals = TestUsers.as(admin, () -> sales.totals(SaleFilter.all()));
        assertThat(totals).singleElement().satisfies(t -> {
            assertThat(t.count()).isEqualTo(5);
            assertThat(t.approvedCount()).isEqualTo(2);
            assertThat(t.capturedMinor()).isEqualTo(176_500);
        });

        SaleDetails details = TestUsers.as(admin, () -> sales.get(approved.paymentId()));
        assertThat(details.lines())
                .singleElement()
                .satisfies(l -> assertThat(l.description()).isEqualTo("Kopi susu"));
        assertThat(details.timeline())
                .extracting(PaymentEvent::kind)
                .containsExactly(OperationKind.AUTHORIZE, OperationKind.CAPTURE);
        assertThat(details.timeline())
                .allSatisfy(e -> assertThat(e.gatewayReference()).startsWith("SBX"));
        SaleDetails reversed = TestUsers.as(admin, () -> sales.get(lost.paymentId()));
        assertThat(reversed.sale().status()).isEqualTo(SaleStatus.REVERSED);
        assertThat(reversed.timeline()).extracting(PaymentEvent::kind).contains(OperationKind.REVERSAL);
        assertThat(jcb.saleStatus()).isEqualTo("CAPTURED");
    }

    @Test
    void aRefundFromThePortalReturnsMoneyToTheCardAccount() {
        PaymentReply paid = pay(SandboxTestCard.MASTERCARD_APPROVED, 250_000);
        long balance = acquirer.balanceOf(SandboxTestCard.MASTERCARD_APPROVED).balanceMinor();

        SaleDetails after = TestUsers.as(
                merchant.admin(), () -> sales.refund(paid.paymentId(), 100_000, false, "customer changed their mind"));
        assertThat(after.sale().status()).isEqualTo(SaleStatus.PARTIALLY_REFUNDED);
        assertThat(after.sale().refundableMinor()).isEqualTo(150_000);
        assertThat(after.timeline())
                .filteredOn(e -> e.kind() == OperationKind.REFUND)
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.gatewayReference()).startsWith("SBXR-");
                    assertThat(e.reason()).isEqualTo("customer changed their mind");
                });
        assertThat(acquirer.balanceOf(SandboxTestCard.MASTERCARD_APPROVED).balanceMinor())
                .isEqualTo(balance + 100_000);

        TestUser cashier =
                TestUsers.user(merchant.tenant(), Set.of(merchant.store().id()), Role.CASHIER);
        assertThatThrownBy(() -> TestUsers.as(cashier, () -> sales.refund(paid.paymentId(), 1, false, null)))
                .isInstanceOf(AccessDeniedException.class);
        TestUser otherManager = TestUsers.user(merchant.tenant(), Set.of(UUID.randomUUID()), Role.STORE_MANAGER);
        assertThatThrownBy(() -> TestUsers.as(otherManager, () -> sales.refund(paid.paymentId(), 1, false, null)))
                .isInstanceOf(SaleNotFoundException.class);
        TestUser manager =
                TestUsers.user(merchant.tenant(), Set.of(merchant.store().id()), Role.STORE_MANAGER);
        assertThat(TestUsers.as(manager, () -> sales.refund(paid.paymentId(), 150_000, true, null))
                        .sale()
                        .status())
                .isEqualTo(SaleStatus.REFUNDED);
    }

    @Test
    void aCashierReadsOnlyTheTotalsOfTheirOwnStores() {
        pay(SandboxTestCard.VISA_APPROVED, 25_000);
        Instant from = Instant.now().minusSeconds(3600);
        Instant to = Instant.now().plusSeconds(3600);
        var cashier = TestUsers.user(merchant.tenant(), Set.of(merchant.store().id()), Role.CASHIER);
        var elsewhere = TestUsers.user(merchant.tenant(), Set.of(UUID.randomUUID()), Role.CASHIER);

        assertThat(TestUsers.as(cashier, () -> sales.storeTotals(from, to)))
                .singleElement()
                .satisfies(t -> assertThat(t.approvedMinor()).isEqualTo(25_000));
        assertThat(TestUsers.as(elsewhere, () -> sales.storeTotals(from, to)))
                .allSatisfy(t -> assertThat(t.count()).isZero());
        assertThatThrownBy(() -> TestUsers.as(cashier, () -> sales.totals(SaleFilter.all())))
                .as("the sales list stays for admins and managers")
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theReceiptPrintsTheNpwpOfATaxRegisteredStoreAndTheConfiguredTextsAndNoEmptyItemTable() {
        platform.run(
                "test: the tenant's NPWP",
                () -> jdbc.sql("update tenant set tax_id = ? where id = ?")
                        .params("01.234.567.8-901.000", merchant.tenant())
                        .update());
        TestUsers.run(
                merchant.admin(),
                () -> deviceConfig.setLayer(
                        ConfigScope.TENANT,
                        merchant.tenant(),
                        Map.of(
                                "receipt.header", JsonNodeFactory.instance.stringNode("Buka 08.00-22.00"),
                                "receipt.footer", JsonNodeFactory.instance.stringNode("Sampai jumpa lagi"))));
        PaymentReply paid = pay(SandboxTestCard.VISA_APPROVED, 25_000);

        String html = TestUsers.as(
                merchant.admin(),
                () -> receipts.html(
                        receipts.receipt(paid.paymentId()),
                        Locale.ENGLISH,
                        (locale, key, args) ->
                                key + (args.length == 0 ? "" : List.of(args).toString())));

        assertThat(html)
                .contains("receipt.taxId[01.234.567.8-901.000]")
                .contains("Buka 08.00-22.00")
                .contains("Sampai jumpa lagi")
                .as("a sale without lines prints no empty item table")
                .doesNotContain("receipt.item")
                .doesNotContain("receipt.thanks");

        // A store that is not tax registered prints no NPWP.
        TestUsers.run(merchant.admin(), () -> {
            var current = stores.get(merchant.store().id());
            var form = current.toForm();
            stores.update(
                    current.id(),
                    current.version(),
                    new id.lapak.tenant.store.StoreForm(
                            form.name(),
                            form.address(),
                            form.city(),
                            form.timeZone(),
                            form.currency(),
                            false,
                            form.taxRate(),
                            form.pricesIncludeTax()));
        });
        String untaxed = TestUsers.as(
                merchant.admin(),
                () -> receipts.html(
                        receipts.receipt(paid.paymentId()),
                        Locale.ENGLISH,
                        (locale, key, args) ->
                                key + (args.length == 0 ? "" : List.of(args).toString())));
        assertThat(untaxed).doesNotContain("receipt.taxId").contains("Sampai jumpa lagi");
    }

    @Test
    void theReceiptNamesTheCashierTheDeviceReportedAndEachLinesDiscountWithAmountsAddingUpToTheTotal() {
        UUID coffee = TestCatalog.variant(catalog, merchant.admin(), "Kopi susu");
        UUID bread = TestCatalog.variant(catalog, merchant.admin(), "Roti");
        PaymentDraft.Line discounted = PaymentDraft.Line.discounted(coffee, "Kopi susu", 2, 1_250_000, 234_567);
        PaymentDraft.Line full = PaymentDraft.Line.discounted(bread, "Roti", 1, 30_000, 0);
        PaymentReply served = device.pay(PaymentDraft.of(
                        discounted.totalMinor() + full.totalMinor(), "IDR", SandboxTestCard.VISA_APPROVED.pan(), "3012")
                .withLines(List.of(discounted, full))
                .withCashier(new PaymentDraft.Cashier("K-07", "Sari")));
        Receipts.Translator words = (locale, key, args) -> ("id".equals(locale.getLanguage())
                        ? PortalWords.indonesian()
                        : PortalWords.english())
                .translate(key, args);

        String english = TestUsers.as(
                merchant.admin(), () -> receipts.html(receipts.receipt(served.paymentId()), Locale.ENGLISH, words));
        String indonesian = TestUsers.as(
                merchant.admin(),
                () -> receipts.html(receipts.receipt(served.paymentId()), PortalWords.INDONESIAN, words));

        assertThat(english)
                .as("the cashier as the sale's page names them")
                .contains("Served by Sari (K-07)")
                .contains("Discount -IDR 234,567")
                .as("the discounted line's amount is after its discount: 2 × 1,250,000 − 234,567")
                .contains("IDR 2,265,433")
                .contains("IDR 30,000")
                .as("the lines add up to the total")
                .contains("IDR 2,295,433")
                .containsOnlyOnce("Discount -");
        assertThat(indonesian)
                .contains("Dilayani oleh Sari (K-07)")
                .contains("Diskon -Rp 234.567")
                .contains("Rp 2.265.433")
                .contains("Rp 2.295.433");

        PaymentReply nobody = pay(SandboxTestCard.VISA_APPROVED, 15_000);
        String anonymous = TestUsers.as(
                merchant.admin(), () -> receipts.html(receipts.receipt(nobody.paymentId()), Locale.ENGLISH, words));
        assertThat(anonymous)
                .as("no cashier reported: the receipt says nothing about one")
                .doesNotContain("Served by")
                .doesNotContain("receipt-cashier")
                .doesNotContain("No cashier");
    }

    @Test
    void theReceiptIsWrittenInTheLanguageSetForTheDeviceElseInTheReaders() {
        PaymentReply paid = pay(SandboxTestCard.VISA_APPROVED, 15_000);
        Receipts.Translator languages = (locale, key, args) -> locale.getLanguage() + ":" + key;

        String unset = TestUsers.as(
                merchant.admin(), () -> receipts.html(receipts.receipt(paid.paymentId()), Locale.ENGLISH, languages));
        assertThat(unset).contains("en:receipt.total").contains("IDR 15,000").doesNotContain("id:receipt.total");

        TestUsers.run(
                merchant.admin(),
                () -> deviceConfig.setLayer(
                        ConfigScope.TENANT,
                        merchant.tenant(),
                        Map.of("receipt.language", JsonNodeFactory.instance.stringNode("id"))));
        String indonesian = TestUsers.as(
                merchant.admin(), () -> receipts.html(receipts.receipt(paid.paymentId()), Locale.ENGLISH, languages));
        assertThat(indonesian)
                .as("an English reader gets the Indonesian receipt the merchant chose")
                .contains("id:receipt.total")
                .contains("Rp 15.000")
                .doesNotContain("en:receipt.total");

        assertThatThrownBy(() -> TestUsers.run(
                        merchant.admin(),
                        () -> deviceConfig.setLayer(
                                ConfigScope.TENANT,
                                merchant.tenant(),
                                Map.of("receipt.language", JsonNodeFactory.instance.stringNode("fr")))))
                .isInstanceOf(id.lapak.device.config.InvalidConfigException.class);
        TestUsers.run(merchant.admin(), () -> deviceConfig.setLayer(ConfigScope.TENANT, merchant.tenant(), Map.of()));
    }

    @Test
    void theReceiptShowsHeaderLinesTaxTotalMaskedCardAndAuthCodeAndGoesByEmail() throws Exception {
        PaymentReply paid = device.pay(PaymentDraft.of(111_000, "IDR", SandboxTestCard.AMEX_APPROVED.pan(), "3012")
                .withLines(List.of(new PaymentDraft.Line(
                        TestCatalog.variant(catalog, merchant.admin(), "Roti"),
                        "Roti <bakar>",
                        1,
                        100_000,
                        11_000,
                        111_000))));
        String authCode = paid.body().path("authorizationCode").asString();
        assertThat(authCode).hasSize(6);

        String html = TestUsers.as(
                merchant.admin(),
                () -> receipts.html(
                        receipts.receipt(paid.paymentId()),
                        Locale.ENGLISH,
                        (locale, key, args) ->
                                key + (args.length == 0 ? "" : List.of(args).toString())));
        assertThat(html)
                .contains(tenants.findForLogin(merchant.tenant()).orElseThrow().name())
                .contains(merchant.store().name())
                .contains("Roti &lt;bakar&gt;")
                .contains("IDR 111,000")
                .contains("IDR 11,000")
                .doesNotContain(".00")
                .contains("378282*****0005")
                .contains(authCode)
                .doesNotContain(SandboxTestCard.AMEX_APPROVED.pan());

        TestUser otherManager = TestUsers.user(merchant.tenant(), Set.of(UUID.randomUUID()), Role.STORE_MANAGER);
        assertThatThrownBy(() -> TestUsers.as(otherManager, () -> receipts.receipt(paid.paymentId())))
                .isInstanceOf(SaleNotFoundException.class);

        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
        ObjectProvider<JavaMailSender> smtpProvider =
                new StaticListableBeanFactory(java.util.Map.of("mail", sender)).getBeanProvider(JavaMailSender.class);
        MailOutboxSender outboxSender = new MailOutboxSender(
                jdbc,
                platform,
                smtpProvider,
                new StaticListableBeanFactory().getBeanProvider(id.lapak.catalog.mail.StoreAlertRecipients.class),
                transactionManager,
                Clock.systemUTC(),
                3,
                "PT1M",
                10);
        try {
            ReceiptMailer mailer = new ReceiptMailer(
                    receipts,
                    new MailOutbox(jdbc, smtpProvider, outboxSender, Clock.systemUTC()),
                    transactionManager,
                    "Lapak <no-reply@lapak.test>");
            assertThat(mailer.available()).isTrue();
            Receipts.Translator english =
                    (locale, key, args) -> key.equals("sales.mail.subject") ? "Receipt " + args[1] : key;
            assertThatThrownBy(() -> TestUsers.run(
                            merchant.admin(),
                            () -> mailer.send(paid.paymentId(), "not an address", Locale.ENGLISH, english)))
                    .isInstanceOfSatisfying(
                            ReceiptMailer.NotSentException.class,
                            e -> assertThat(e.key()).isEqualTo("sales.mail.badAddress"));
            TestUsers.run(
                    merchant.admin(),
                    () -> mailer.send(paid.paymentId(), "pelanggan@example.id", Locale.ENGLISH, english));
            assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
            MimeMessage message = smtp.getReceivedMessages()[0];
            assertThat(message.getAllRecipients()[0].toString()).isEqualTo("pelanggan@example.id");
            assertThat(message.getSubject())
                    .isEqualTo("Receipt " + merchant.store().name());
            String body = GreenMailUtil.getBody(message);
            assertThat(body)
                    .contains("378282*****0005")
                    .contains(authCode)
                    .doesNotContain(SandboxTestCard.AMEX_APPROVED.pan());
            // The receipt went through the outbox: one RECEIPT row of this tenant, marked sent.
            Await.until(() -> "SENT"
                    .equals(platform.call(
                            "test: receipt outbox row",
                            () -> jdbc.sql(
                                            "select string_agg(status, ',') from mail_outbox where tenant_id = ? and kind = 'RECEIPT'")
                                    .param(merchant.tenant())
                                    .query(String.class)
                                    .single())));
            assertThatThrownBy(() -> TestUsers.run(
                            otherManager,
                            () -> mailer.send(paid.paymentId(), "pelanggan@example.id", Locale.ENGLISH, english)))
                    .isInstanceOf(SaleNotFoundException.class);
        } finally {
            outboxSender.destroy();
            smtp.stop();
        }

        ReceiptMailer unconfigured = new ReceiptMailer(receipts, mailOutbox, transactionManager, "x@lapak.test");
        assertThat(unconfigured.available()).isFalse();
    }
}

package id.lapak.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapak.billing.gateway.sandbox.SandboxAcquirer;
import id.lapak.billing.gateway.sandbox.SandboxSettlementFile;
import id.lapak.billing.gateway.sandbox.SandboxTestCard;
import id.lapak.billing.reconciliation.ExceptionItem;
import id.lapak.billing.reconciliation.ExceptionKind;
import id.lapak.billing.reconciliation.FileFormat;
import id.lapak.billing.reconciliation.ImportResult;
import id.lapak.billing.reconciliation.ImportSummary;
import id.lapak.billing.reconciliation.Reconciliation;
import id.lapak.billing.reconciliation.ReconciliationFileException;
import id.lapak.billing.reconciliation.ReconciliationRefusedException;
import id.lapak.billing.reconciliation.Resolution;
import id.lapak.billing.sale.OperationKind;
import id.lapak.billing.sale.PaymentEvent;
import id.lapak.billing.sale.PaymentRefusedException;
import id.lapak.billing.sale.SaleDetails;
import id.lapak.billing.sale.SalesService;
import id.lapak.billing.sale.reversal.Chargebacks;
import id.lapak.device.pairing.PairingCodes;
import id.lapak.simulator.DeviceClient;
import id.lapak.simulator.PaymentDraft;
import id.lapak.simulator.PaymentReply;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.tenant.context.TenantSeal;
import id.lapak.tenant.store.StoreService;
import id.lapak.testing.ServerIntegrationTest;
import id.lapak.testing.TestMerchants;
import id.lapak.testing.TestMerchants.Merchant;
import id.lapak.testing.TestUsers;
import id.lapak.testing.TestUsers.TestUser;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Reconciliation with the sandbox acquirer, end to end: sales paid by a simulated device, refunded in the portal,
 * charged back by the acquirer; its settlement file and a generic CSV imported; every exception kind and action;
 * files refused with nothing written; tenants kept apart through the service and as the application's role.
 */
@ServerIntegrationTest
class ReconciliationIntegrationTest {

    @Autowired
    TenantSeal seal;

    private static final DateTimeFormatter ADYEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Jakarta"));
    private static final String GENERIC_HEADER = "Company Account,Merchant Account,Psp Reference,Merchant Reference,"
            + "Payment Method,Creation Date,TimeZone,Type,Modification Reference,Currency,Gross Debit,Gross Credit,"
            + "Net Debit,Net Credit,Commission,Batch Number\r\n";

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
    Reconciliation reconciliation;

    @Autowired
    Chargebacks chargebacks;

    @Autowired
    SandboxAcquirer acquirer;

    @Autowired
    SandboxSettlementFile settlementFile;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformAccess platform;

    @Value("${spring.datasource.url}")
    String url;

    final TestUser support = TestUsers.user(null, Set.of(), Role.SUPPORT);
    Merchant merchant;
    DeviceClient device;
    Instant start;

    @BeforeEach
    void merchantWithAPairedDevice() throws Exception {
        start = Instant.now().minusSeconds(1);
        merchant = TestMerchants.create(tenants, stores, "Rekon");
        device = TestMerchants.pairSimulator(
                codes, merchant.admin(), merchant.store().id(), port);
        device.requestReaderKey("RD-1", "AES128");
    }

    private UUID pay(SandboxTestCard card, long amount) {
        PaymentReply reply = device.pay(PaymentDraft.of(amount, "IDR", card.pan(), "3012"));
        assertThat(reply.saleStatus()).isEqualTo("CAPTURED");
        return reply.paymentId();
    }

    private SaleDetails sale(UUID id) {
        return TestUsers.as(merchant.admin(), () -> sales.get(id));
    }

    private String reference(UUID saleId, OperationKind kind) {
        return sale(saleId).timeline().stream()
                .filter(e -> e.kind() == kind)
                .map(PaymentEvent::gatewayReference)
                .findFirst()
                .orElseThrow();
    }

    private String sandboxFile() {
        return settlementFile.settlementCsv(
                merchant.tenant().toString(), start, Instant.now().plusSeconds(1));
    }

    private ImportResult importAs(TestUser user, UUID tenant, String name, FileFormat format, String content) {
        return TestUsers.as(
                user,
                () -> reconciliation.importFile(
                        tenant, name, format, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8))));
    }

    private List<ExceptionItem> exceptions(boolean openOnly) {
        return TestUsers.as(
                merchant.admin(),
                () -> reconciliation
                        .exceptions(null, openOnly, Pageable.unpaged())
                        .getContent());
    }

    private Map<ExceptionKind, List<ExceptionItem>> openByKind() {
        return exceptions(true).stream().collect(Collectors.groupingBy(ExceptionItem::kind));
    }

    private long rows(String table, UUID tenant) {
        return platform.call(
                "test counts " + table,
                () -> jdbc.sql("select count(*) from " + table + " where tenant_id = ?")
                        .param(tenant)
                        .query(Long.class)
                        .single());
    }

    /** One line of the generic CSV: amount positive, credit or debit by type, commission given. */
    private static String genericLine(String psp, String type, long amount, long commission, Instant at) {
        boolean credit = type.equals("Settled") || type.equals("ChargebackReversed");
        long net = credit ? amount - commission : amount + commission;
        return "Lapak,LapakID," + psp + ",ref-" + psp + ",visa," + ADYEN.format(at) + ",WIB," + type + ",,IDR,"
                + (credit ? "," + amount : amount + ",") + "," + (credit ? "," + net : net + ",") + "," + commission
                + ",7\r\n";
    }

    @Test
    void theSandboxFileWithCapturesRefundsAndAChargebackMatchesEveryLineAndAReimportChangesNothing() {
        UUID visa = pay(SandboxTestCard.VISA_APPROVED, 100_000);
        UUID jcb = pay(SandboxTestCard.JCB_APPROVED, 50_000);
        TestUsers.run(merchant.admin(), () -> sales.refund(visa, 20_000, false, "one cup returned"));
        long before = acquirer.balanceOf(SandboxTestCard.JCB_APPROVED).balanceMinor();
        TestUsers.run(support, () -> chargebacks.raiseInSandbox(merchant.tenant(), jcb, 10_000, "not received"));
        assertThat(acquirer.balanceOf(SandboxTestCard.JCB_APPROVED).balanceMinor())
                .isEqualTo(before + 10_000);

        SaleDetails disputed = sale(jcb);
        assertThat(disputed.timeline())
                .filteredOn(e -> e.kind() == OperationKind.CHARGEBACK)
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.amountMinor()).isEqualTo(10_000);
                    assertThat(e.gatewayReference()).startsWith("SBXK-");
                });
        assertThat(platform.call(
                        "test audit",
                        () -> jdbc.sql("""
                        select count(*) from audit_entry where tenant_id = ? and action = 'sale.chargeback'
                          and actor_kind = 'SUPPORT'""")
                                .param(merchant.tenant())
                                .query(Long.class)
                                .single()))
                .isOne();

        String file = sandboxFile();
        assertThat(file.lines().skip(1))
                .hasSize(4)
                .anySatisfy(l -> assertThat(l).contains(",CHARGEBACK,"));
        // The fee schedule: Visa 1.80 % + 500, JCB 2.00 % + 500, a chargeback 25,000, a refund nothing.
        assertThat(file)
                .contains(",VISA,IDR,100000,2300,97700,")
                .contains(",JCB,IDR,50000,1500,48500,")
                .contains(",REFUND,")
                .contains(",IDR,20000,0,-20000,")
                .contains(",IDR,10000,25000,-35000,");

        ImportResult first = importAs(merchant.admin(), null, "sbx.csv", FileFormat.SANDBOX, file);
        assertThat(first.alreadyImported()).isFalse();
        assertThat(first.lines()).isEqualTo(4);
        assertThat(first.matched()).isEqualTo(4);
        assertThat(first.exceptions()).isZero();
        assertThat(exceptions(false)).isEmpty();

        ImportResult again = importAs(merchant.admin(), null, "sbx-copy.csv", FileFormat.SANDBOX, file);
        assertThat(again.alreadyImported()).isTrue();
        assertThat(again.importId()).isEqualTo(first.importId());
        assertThat(rows("recon_import", merchant.tenant())).isOne();
        assertThat(rows("recon_line", merchant.tenant())).isEqualTo(4);
        assertThat(TestUsers.as(merchant.admin(), () -> reconciliation.imports(null, 10)))
                .extracting(ImportSummary::fileName)
                .containsExactly("sbx.csv");

        // The acquirer gives the chargeback back; asked twice with the same case, it is recorded once.
        String authorization = disputed.gatewayReference();
        acquirer.reverseChargeback(authorization, 10_000, "case-" + jcb, "merchant won");
        acquirer.reverseChargeback(authorization, 10_000, "case-" + jcb, "merchant won");
        assertThat(sale(jcb).timeline())
                .filteredOn(e -> e.kind() == OperationKind.CHARGEBACK_REVERSAL)
                .hasSize(1);
        assertThat(acquirer.balanceOf(SandboxTestCard.JCB_APPROVED).balanceMinor())
                .isEqualTo(before);
        // More than the merchant holds cannot be charged back.
        assertThatThrownBy(() ->
                        TestUsers.run(support, () -> chargebacks.raiseInSandbox(merchant.tenant(), visa, 90_000, null)))
                .isInstanceOfSatisfying(
                        PaymentRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo("chargeback_exceeds_retained"));
    }

    @Test
    void everyExceptionKindIsRaisedAndResolvedByItsActions() {
        UUID good = pay(SandboxTestCard.VISA_APPROVED, 100_000);
        UUID offAmount = pay(SandboxTestCard.MASTERCARD_APPROVED, 60_000);
        UUID offFee = pay(SandboxTestCard.AMEX_APPROVED, 40_000);
        UUID typo = pay(SandboxTestCard.VISA_APPROVED, 30_000);
        UUID late = pay(SandboxTestCard.VISA_APPROVED, 25_000);
        UUID lost = pay(SandboxTestCard.VISA_APPROVED, 15_000);
        Instant booked = Instant.now().plusSeconds(60);
        String file = GENERIC_HEADER
                + genericLine(reference(good, OperationKind.CAPTURE), "Settled", 100_000, 2_300, booked)
                + genericLine(reference(offAmount, OperationKind.CAPTURE), "Settled", 59_000, 1_562, booked)
                + genericLine(reference(offFee, OperationKind.CAPTURE), "Settled", 40_000, 2_000, booked)
                + genericLine("SBXC-TYPO-1", "Settled", 30_000, 1_040, booked)
                + genericLine("SBXC-NOBODY", "Settled", 5_000, 590, booked)
                + genericLine(reference(good, OperationKind.CAPTURE), "Settled", 100_000, 2_300, booked)
                + "Lapak,LapakID,,,,2026-12-02 10:00:00,WIB,MerchantPayout,,IDR,170000,,170000,,,7\r\n";
        ImportResult result = importAs(merchant.admin(), null, "adyen.csv", FileFormat.GENERIC, file);
        assertThat(result.lines()).isEqualTo(6);
        assertThat(result.matched()).isEqualTo(1);

        Map<ExceptionKind, List<ExceptionItem>> open = openByKind();
        assertThat(open.get(ExceptionKind.AMOUNT_MISMATCH)).singleElement().satisfies(e -> {
            assertThat(e.expected().minor()).isEqualTo(60_000);
            assertThat(e.actual().minor()).isEqualTo(59_000);
            assertThat(e.saleId()).isEqualTo(offAmount);
        });
        // Amex is 2.80 % without a fixed part: 1,120, not 2,000.
        assertThat(open.get(ExceptionKind.FEE_MISMATCH)).singleElement().satisfies(e -> {
            assertThat(e.expected().minor()).isEqualTo(1_120);
            assertThat(e.actual().minor()).isEqualTo(2_000);
        });
        assertThat(open.get(ExceptionKind.UNEXPECTED))
                .extracting(ExceptionItem::reference)
                .containsExactlyInAnyOrder("SBXC-TYPO-1", "SBXC-NOBODY");
        assertThat(open.get(ExceptionKind.DUPLICATE))
                .singleElement()
                .satisfies(e -> assertThat(e.lineNo()).isEqualTo(7));
        assertThat(open.get(ExceptionKind.EXPECTED_MISSING))
                .extracting(ExceptionItem::saleId)
                .containsExactlyInAnyOrder(typo, late, lost)
                .allSatisfy(s -> assertThat(s).isNotNull());
        assertThat(open.get(ExceptionKind.EXPECTED_MISSING))
                .allSatisfy(e -> assertThat(e.ageDays()).isZero());

        UUID typoMissing = missingOf(typo);
        TestUsers.run(merchant.admin(), () -> reconciliation.link(null, typoMissing, "SBXC-TYPO-1"));
        UUID lostMissing = missingOf(lost);
        TestUsers.run(merchant.admin(), () -> reconciliation.markReceived(null, lostMissing, "bank statement"));
        UUID mismatch = open.get(ExceptionKind.AMOUNT_MISMATCH).getFirst().id();
        assertThatThrownBy(() -> TestUsers.run(merchant.admin(), () -> reconciliation.writeOff(null, mismatch, " ")))
                .isInstanceOfSatisfying(
                        ReconciliationRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo("reason_required"));
        TestUsers.run(merchant.admin(), () -> reconciliation.writeOff(null, mismatch, "acquirer credits 1,000"));
        assertThatThrownBy(() -> TestUsers.run(merchant.admin(), () -> reconciliation.writeOff(null, mismatch, "x")))
                .isInstanceOfSatisfying(
                        ReconciliationRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo("resolved"));
        UUID nobody = open.get(ExceptionKind.UNEXPECTED).stream()
                .filter(e -> e.reference().equals("SBXC-NOBODY"))
                .findFirst()
                .orElseThrow()
                .id();
        String goodCapture = reference(good, OperationKind.CAPTURE);
        assertThatThrownBy(() -> TestUsers.run(merchant.admin(), () -> reconciliation.link(null, nobody, goodCapture)))
                .isInstanceOfSatisfying(
                        ReconciliationRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo("already_matched"));

        // The late capture arrives in the next file.
        importAs(
                merchant.admin(),
                null,
                "adyen-2.csv",
                FileFormat.GENERIC,
                GENERIC_HEADER + genericLine(reference(late, OperationKind.CAPTURE), "Settled", 25_000, 950, booked));

        Map<UUID, ExceptionItem> all =
                exceptions(false).stream().collect(Collectors.toMap(ExceptionItem::id, Function.identity()));
        assertThat(all.get(typoMissing).resolution()).isEqualTo(Resolution.LINKED);
        assertThat(all.values())
                .filteredOn(e -> "SBXC-TYPO-1".equals(e.reference()) && e.kind() == ExceptionKind.UNEXPECTED)
                .singleElement()
                .satisfies(e -> assertThat(e.resolution()).isEqualTo(Resolution.LINKED));
        assertThat(all.get(lostMissing).resolution()).isEqualTo(Resolution.RECEIVED);
        assertThat(all.get(mismatch).reason()).isEqualTo("acquirer credits 1,000");
        assertThat(all.values())
                .filteredOn(e -> late.equals(e.saleId()))
                .singleElement()
                .satisfies(e -> assertThat(e.resolution()).isEqualTo(Resolution.ARRIVED));
        assertThat(openByKind().keySet())
                .containsExactlyInAnyOrder(
                        ExceptionKind.FEE_MISMATCH, ExceptionKind.UNEXPECTED, ExceptionKind.DUPLICATE);

        assertThat(platform.call(
                        "test audit",
                        () -> jdbc.sql("""
                        select action from audit_entry where tenant_id = ? and action like 'reconciliation.%'""")
                                .param(merchant.tenant())
                                .query(String.class)
                                .list()))
                .contains(
                        "reconciliation.imported",
                        "reconciliation.linked",
                        "reconciliation.received",
                        "reconciliation.written_off");
    }

    private UUID missingOf(UUID saleId) {
        return exceptions(true).stream()
                .filter(e -> e.kind() == ExceptionKind.EXPECTED_MISSING && saleId.equals(e.saleId()))
                .findFirst()
                .orElseThrow()
                .id();
    }

    @Test
    void malformedFilesAreRefusedNamingTheLineAndNothingIsWritten() throws Exception {
        UUID paid = pay(SandboxTestCard.VISA_APPROVED, 100_000);
        String ref = reference(paid, OperationKind.CAPTURE);
        Instant at = Instant.now();
        String good = genericLine(ref, "Settled", 100_000, 2_300, at);

        assertRefused(FileFormat.GENERIC, "Psp Reference,Type,Currency\r\nx,Settled,IDR\r\n", "wrong_columns", 1);
        assertRefused(
                FileFormat.GENERIC,
                GENERIC_HEADER
                        + good
                        + genericLine("SBXC-2", "Settled", 1, 0, at).replace(",1,,1,", ",1.5,,1.5,"),
                "bad_number",
                3);
        assertRefused(FileFormat.GENERIC, GENERIC_HEADER + good + good.replace(",IDR,", ",USD,"), "wrong_currency", 3);
        assertRefused(
                FileFormat.GENERIC,
                GENERIC_HEADER + good.replace(",2300,", ",2301,"),
                "net_not_gross_minus_commission",
                2);
        assertRefused(FileFormat.GENERIC, GENERIC_HEADER + good.replace(",WIB,", ",Mars/Base,"), "bad_time_zone", 2);

        Merchant other = TestMerchants.create(tenants, stores, "Lain");
        DeviceClient otherDevice =
                TestMerchants.pairSimulator(codes, other.admin(), other.store().id(), port);
        otherDevice.requestReaderKey("RD-1", "AES128");
        UUID foreignSale = otherDevice
                .pay(PaymentDraft.of(70_000, "IDR", SandboxTestCard.VISA_APPROVED.pan(), "3012"))
                .paymentId();
        String foreign = TestUsers.as(other.admin(), () -> sales.get(foreignSale)).timeline().stream()
                .filter(e -> e.kind() == OperationKind.CAPTURE)
                .findFirst()
                .orElseThrow()
                .gatewayReference();
        assertRefused(
                FileFormat.GENERIC,
                GENERIC_HEADER + good + genericLine(foreign, "Settled", 70_000, 1_760, at),
                "other_merchant",
                3);
        String otherSandboxFile = settlementFile.settlementCsv(
                other.tenant().toString(), start, Instant.now().plusSeconds(1));
        assertRefused(FileFormat.SANDBOX, otherSandboxFile, "other_merchant", 2);

        // 200 MB of valid-looking lines: refused at the size limit while streaming, never held whole.
        byte[] line = genericLine("SBXC-BIG", "Settled", 1_000, 518, at).getBytes(StandardCharsets.UTF_8);
        long size = 200L * 1024 * 1024;
        InputStream huge = new InputStream() {
            long sent;

            @Override
            public int read() {
                return sent >= size ? -1 : line[(int) (sent++ % line.length)];
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (sent >= size) {
                    return -1;
                }
                int n = (int) Math.min(len, size - sent);
                for (int i = 0; i < n; i++) {
                    b[off + i] = line[(int) ((sent + i) % line.length)];
                }
                sent += n;
                return n;
            }
        };
        InputStream file = new java.io.SequenceInputStream(
                new ByteArrayInputStream(GENERIC_HEADER.getBytes(StandardCharsets.UTF_8)), huge);
        assertThatThrownBy(() -> TestUsers.run(
                        merchant.admin(), () -> reconciliation.importFile(null, "big.csv", FileFormat.GENERIC, file)))
                .isInstanceOfSatisfying(
                        ReconciliationFileException.class,
                        e -> assertThat(e.reason()).isEqualTo("file_too_large"));

        for (String table : List.of("recon_import", "recon_line", "recon_exception")) {
            assertThat(rows(table, merchant.tenant())).as(table).isZero();
        }
        // The good part alone imports.
        assertThat(importAs(merchant.admin(), null, "ok.csv", FileFormat.GENERIC, GENERIC_HEADER + good)
                        .matched())
                .isOne();
    }

    private void assertRefused(FileFormat format, String content, String reason, int line) {
        assertThatThrownBy(() -> importAs(merchant.admin(), null, "bad.csv", format, content))
                .isInstanceOfSatisfying(ReconciliationFileException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.line()).isEqualTo(line);
                });
    }

    @Test
    void tenantsAreKeptApartThroughTheServiceAndAsTheApplicationRole() throws Exception {
        UUID paid = pay(SandboxTestCard.VISA_APPROVED, 100_000);
        importAs(
                merchant.admin(),
                null,
                "a.csv",
                FileFormat.GENERIC,
                GENERIC_HEADER
                        + genericLine(
                                "SBXC-ALIEN",
                                "Settled",
                                9_000,
                                662,
                                Instant.now().plusSeconds(60)));
        assertThat(exceptions(true))
                .extracting(ExceptionItem::kind)
                .containsExactlyInAnyOrder(ExceptionKind.UNEXPECTED, ExceptionKind.EXPECTED_MISSING);
        UUID missing = missingOf(paid);

        Merchant other = TestMerchants.create(tenants, stores, "Tetangga");
        assertThat(TestUsers.as(
                        other.admin(),
                        () -> reconciliation
                                .exceptions(null, false, Pageable.unpaged())
                                .getContent()))
                .isEmpty();
        assertThat(TestUsers.as(other.admin(), () -> reconciliation.imports(null, 10)))
                .isEmpty();
        assertThatThrownBy(() -> TestUsers.as(
                        other.admin(), () -> reconciliation.exceptions(merchant.tenant(), false, Pageable.unpaged())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TestUsers.run(other.admin(), () -> reconciliation.writeOff(null, missing, "mine")))
                .isInstanceOfSatisfying(
                        ReconciliationRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo("not_found"));

        TestUser cashier =
                TestUsers.user(merchant.tenant(), Set.of(merchant.store().id()), Role.CASHIER);
        assertThatThrownBy(
                        () -> TestUsers.as(cashier, () -> reconciliation.exceptions(null, false, Pageable.unpaged())))
                .isInstanceOf(AccessDeniedException.class);
        TestUser manager =
                TestUsers.user(merchant.tenant(), Set.of(merchant.store().id()), Role.STORE_MANAGER);
        assertThat(TestUsers.as(
                        manager,
                        () -> reconciliation
                                .exceptions(null, false, Pageable.unpaged())
                                .getContent()))
                .extracting(ExceptionItem::id)
                .containsExactly(missing);
        assertThatThrownBy(() -> TestUsers.run(manager, () -> reconciliation.markReceived(null, missing, null)))
                .isInstanceOf(AccessDeniedException.class);
        TestUser otherManager = TestUsers.user(merchant.tenant(), Set.of(UUID.randomUUID()), Role.STORE_MANAGER);
        assertThat(TestUsers.as(
                        otherManager,
                        () -> reconciliation
                                .exceptions(null, false, Pageable.unpaged())
                                .getContent()))
                .isEmpty();

        // Support reads and acts for the tenant through the platform path, audited in the tenant's chain.
        assertThat(TestUsers.as(
                        support,
                        () -> reconciliation
                                .exceptions(merchant.tenant(), true, Pageable.unpaged())
                                .getContent()))
                .hasSize(2);
        TestUsers.run(support, () -> reconciliation.markReceived(merchant.tenant(), missing, "seen at the bank"));
        assertThat(platform.call(
                        "test audit",
                        () -> jdbc.sql("""
                        select actor_kind from audit_entry where tenant_id = ? and action = 'reconciliation.received'""")
                                .param(merchant.tenant())
                                .query(String.class)
                                .single()))
                .isEqualTo("SUPPORT");

        try (Connection c = DriverManager.getConnection(url, "lapak_app", "lapak_app")) {
            c.setAutoCommit(false);
            seal.apply(c, other.tenant());
            for (String table : List.of("recon_import", "recon_line", "recon_exception")) {
                assertThat(count(c, "select count(*) from " + table + " where tenant_id = '" + merchant.tenant() + "'"))
                        .as(table)
                        .isZero();
            }
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into recon_import (tenant_id, id, file_name, format, file_sha256, file_bytes, currency,
                        line_count, matched_count, exception_count, imported_at, imported_by)
                    values (?, ?, 'x.csv', 'GENERIC', decode(repeat('00', 32), 'hex'), 1, 'IDR', 0, 0, 0, now(), 'x')""")) {
                insert.setObject(1, merchant.tenant());
                insert.setObject(2, UUID.randomUUID());
                assertThatThrownBy(insert::execute)
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("row-level security");
            }
            c.rollback();
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

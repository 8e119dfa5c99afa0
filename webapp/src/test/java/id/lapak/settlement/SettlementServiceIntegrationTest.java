package id.lapak.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapak.billing.settlement.SettlementCloser;
import id.lapak.billing.settlement.SettlementService;
import id.lapak.billing.settlement.SettlementViews.BatchRow;
import id.lapak.billing.settlement.SettlementViews.Step;
import id.lapak.billing.settlement.SettlementViews.Waterfall;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.testing.IntegrationTest;
import id.lapak.testing.TestUsers;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** Who sees what of settlement, and the waterfall of a store's day closing to zero difference. */
@IntegrationTest
class SettlementServiceIntegrationTest {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    @Autowired
    TenantDirectory tenants;

    @Autowired
    PlatformAccess platform;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SettlementCloser closer;

    @Autowired
    SettlementService settlement;

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(WIB).toInstant();
    }

    @Test
    void adminsSeeTheTenantManagersTheirStoresCashiersNothingAndNoTenantAnother() throws Exception {
        SettlementFixture fixture = new SettlementFixture(tenants, platform, jdbc);
        UUID tenant = fixture.tenant("Toko Lihat");
        UUID pusat = fixture.store(tenant, "Pusat", "Asia/Jakarta");
        UUID cabang = fixture.store(tenant, "Cabang", "Asia/Jakarta");
        fixture.plan(tenant, LocalDate.of(2026, 1, 1), 200, 0, 0, 1100);
        fixture.payoutAccount(tenant);
        // Sold offline on the 1st, uploaded on the 2nd; sold and refunded on the 2nd; one voided.
        fixture.capturedSale(tenant, pusat, 40_000, at("2026-12-01T20:00"), at("2026-12-02T08:00"));
        UUID refunded = fixture.capturedSale(tenant, pusat, 100_000, at("2026-12-02T10:00"), at("2026-12-02T10:00"));
        fixture.refund(tenant, refunded, 30_000, at("2026-12-02T11:00"));
        fixture.voidedSale(tenant, pusat, 55_000, at("2026-12-02T12:00"));
        fixture.capturedSale(tenant, cabang, 70_000, at("2026-12-02T10:00"), at("2026-12-02T10:00"));
        // Sold on the 2nd, uploaded on the 3rd: not settled on the 2nd.
        fixture.capturedSale(tenant, pusat, 9_000, at("2026-12-02T21:00"), at("2026-12-03T07:00"));
        closer.close(tenant, at("2026-12-03T02:00"));

        var admin = TestUsers.user(tenant, Set.of(), Role.MERCHANT_ADMIN);
        var manager = TestUsers.user(tenant, Set.of(cabang), Role.STORE_MANAGER);
        var cashier = TestUsers.user(tenant, Set.of(pusat), Role.CASHIER);

        List<BatchRow> adminBatches = TestUsers.as(admin, () -> settlement.batches(10));
        assertThat(adminBatches).singleElement().satisfies(b -> {
            assertThat(b.gross()).isEqualTo(210_000);
            assertThat(b.refunds()).isEqualTo(30_000);
            assertThat(b.late()).isEqualTo(1);
            assertThat(b.payoutStatus()).isEqualTo("SCHEDULED");
        });
        UUID batch = adminBatches.getFirst().id();
        assertThat(TestUsers.as(admin, () -> settlement.lines(batch))).hasSize(4);
        assertThat(TestUsers.as(admin, () -> settlement.payouts(10)))
                .singleElement()
                .satisfies(p -> assertThat(p.maskedAccount()).isEqualTo("••••••7890"));

        assertThat(TestUsers.as(manager, () -> settlement.batches(10)))
                .singleElement()
                .satisfies(b -> {
                    assertThat(b.gross()).isEqualTo(70_000);
                    assertThat(b.net()).isNull();
                });
        assertThat(TestUsers.as(manager, () -> settlement.lines(batch)))
                .singleElement()
                .satisfies(l -> assertThat(l.storeName()).startsWith("Cabang"));
        String adminStatement = TestUsers.as(admin, () -> settlement.statementCsv(batch));
        assertThat(adminStatement)
                .contains(
                        "captured,210000\n",
                        "refunds,30000\n",
                        "net," + adminBatches.getFirst().net() + "\n",
                        "payout,SCHEDULED,2026-12-03\n")
                .contains("2026-12-02T08:00:00,2026-12-01T20:00:00,");
        assertThat(adminStatement.lines().filter(l -> l.contains(",CAPTURE,") || l.contains(",REFUND,")))
                .hasSize(4);
        byte[] pdf = TestUsers.as(
                admin, () -> settlement.statementPdf(batch, java.util.Locale.forLanguageTag("id-ID"), key -> key));
        org.openpdf.text.pdf.PdfReader reader = new org.openpdf.text.pdf.PdfReader(pdf);
        String pdfText = new org.openpdf.text.pdf.parser.PdfTextExtractor(reader)
                .getTextFromPage(1)
                .replace('\u00a0', ' ');
        reader.close();
        assertThat(pdfText)
                .contains(id.lapak.tenant.money.Money.of(adminBatches.getFirst().net(), "IDR")
                        .format(java.util.Locale.forLanguageTag("id-ID"))
                        .replace('\u00a0', ' '));
        String managerStatement = TestUsers.as(manager, () -> settlement.statementCsv(batch));
        assertThat(managerStatement).contains("captured,70000\n").doesNotContain("net,");
        assertThatThrownBy(() -> TestUsers.as(manager, () -> settlement.payouts(10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TestUsers.as(manager, () -> settlement.waterfall(pusat, LocalDate.of(2026, 12, 2))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TestUsers.as(cashier, () -> settlement.batches(10)))
                .isInstanceOf(AccessDeniedException.class);

        UUID other = fixture.tenant("Toko Lain");
        var otherAdmin = TestUsers.user(other, Set.of(), Role.MERCHANT_ADMIN);
        assertThat(TestUsers.as(otherAdmin, () -> settlement.batches(10))).isEmpty();
        assertThat(TestUsers.as(otherAdmin, () -> settlement.lines(batch))).isEmpty();

        Waterfall day = TestUsers.as(admin, () -> settlement.waterfall(pusat, LocalDate.of(2026, 12, 2)));
        assertThat(amount(day, "sales")).isEqualTo(100_000 + 55_000 + 9_000);
        assertThat(amount(day, "notCaptured")).isEqualTo(-55_000);
        assertThat(amount(day, "capturedOnAnotherDay")).isEqualTo(-9_000);
        assertThat(amount(day, "capturedFromEarlierDays")).isEqualTo(40_000);
        assertThat(amount(day, "captured")).isEqualTo(140_000);
        assertThat(amount(day, "refunds")).isEqualTo(-30_000);
        assertThat(amount(day, "pending")).isZero();
        assertThat(amount(day, "settled")).isEqualTo(110_000);
        // 200 bp: 800 + 2,000; PPN 88 + 220.
        assertThat(amount(day, "fees")).isEqualTo(-2_800);
        assertThat(amount(day, "ppn")).isEqualTo(-308);
        assertThat(amount(day, "awaitingPayout")).isEqualTo(-(110_000 - 2_800 - 308));
        assertThat(amount(day, "confirmed")).isZero();
        assertClosesToZero(day);

        // The next day, before it is closed: its upload is pending.
        Waterfall next = TestUsers.as(admin, () -> settlement.waterfall(pusat, LocalDate.of(2026, 12, 3)));
        assertThat(amount(next, "captured")).isEqualTo(9_000);
        assertThat(amount(next, "pending")).isEqualTo(-9_000);
        assertClosesToZero(next);
    }

    private static long amount(Waterfall w, String key) {
        return w.steps().stream()
                .filter(s -> s.key().equals(key))
                .mapToLong(Step::amountMinor)
                .sum();
    }

    /** Every total is the total above it plus the named differences in between. */
    private static void assertClosesToZero(Waterfall w) {
        long running = 0;
        boolean first = true;
        for (Step step : w.steps()) {
            if (step.total() && !first) {
                assertThat(step.amountMinor()).as(step.key()).isEqualTo(running);
            }
            running = step.total() ? step.amountMinor() : running + step.amountMinor();
            first = false;
        }
    }
}

package id.lapak.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapak.billing.ledger.Ledger;
import id.lapak.billing.ledger.LedgerAccount;
import id.lapak.billing.payout.PayoutException;
import id.lapak.billing.payout.PayoutRun;
import id.lapak.billing.payout.PayoutService;
import id.lapak.billing.payout.PayoutStatus;
import id.lapak.billing.settlement.SettlementCloser;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.tenant.money.Money;
import id.lapak.testing.IntegrationTest;
import id.lapak.testing.TestUsers;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** Support's payout run and the payout's life: sent, paid, and failed after paid, each in the ledger and audited. */
@IntegrationTest
class PayoutIntegrationTest {

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
    PayoutService payouts;

    @Autowired
    Ledger ledger;

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(WIB).toInstant();
    }

    @Test
    void aRunWritesBothFilesAndTheBankAnswerMovesTheMoneyThroughTheLedger() throws Exception {
        SettlementFixture fixture = new SettlementFixture(tenants, platform, jdbc);
        UUID tenant = fixture.tenant("Toko Bayar");
        UUID store = fixture.store(tenant, "Pusat", "Asia/Jakarta");
        fixture.payoutAccount(tenant);
        // Thursday 19 March 2026 is Nyepi, then Idul Fitri and its collective leave until Tuesday the 24th.
        fixture.capturedSale(tenant, store, 250_000, at("2026-03-18T10:00"), at("2026-03-18T10:00"));
        closer.close(tenant, at("2026-03-19T02:00"));
        UUID payout = platform.call(
                "test",
                () -> jdbc.sql("select id from payout where tenant_id = ?")
                        .param(tenant)
                        .query(UUID.class)
                        .single());
        LocalDate expected = platform.call(
                "test",
                () -> jdbc.sql("select expected_on from payout where id = ?")
                        .param(payout)
                        .query(LocalDate.class)
                        .single());
        assertThat(expected).isEqualTo(LocalDate.of(2026, 3, 25));

        var support = TestUsers.user(null, Set.of(), Role.SUPPORT);
        var admin = TestUsers.user(tenant, Set.of(), Role.MERCHANT_ADMIN);
        assertThatThrownBy(() -> TestUsers.as(admin, () -> payouts.createRun(expected, "IDR")))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThat(TestUsers.as(support, () -> payouts.createRun(LocalDate.of(2026, 3, 24), "IDR")))
                .as("not due yet")
                .satisfiesAnyOf(
                        r -> assertThat(r).isNull(), r -> assertThat(r.csv()).doesNotContain(payout.toString()));

        PayoutRun run = TestUsers.as(support, () -> payouts.createRun(expected, "IDR"));
        assertThat(run.csv())
                .startsWith("payout_id,value_date,bank_code,bank_name,account_number,account_holder,"
                        + "currency,amount,reference\n")
                .contains(payout + ",2026-03-25,014,BCA,1234567890,Toko Uji,IDR,250000,Lapak 2026-03-18");
        Document xml = DocumentBuilderFactory.newNSInstance()
                .newDocumentBuilder()
                .parse(new InputSource(new StringReader(run.pain001())));
        assertThat(xml.getDocumentElement().getNamespaceURI())
                .isEqualTo("urn:iso:std:iso:20022:tech:xsd:pain.001.001.09");
        assertThat(run.pain001())
                .contains("<EndToEndId>" + payout.toString().replace("-", "") + "</EndToEndId>")
                .contains("<InstdAmt Ccy=\"IDR\">250000</InstdAmt>");
        // A payout goes into one run only.
        PayoutRun again = TestUsers.as(support, () -> payouts.createRun(expected, "IDR"));
        assertThat(again == null ? "" : again.csv()).doesNotContain(payout.toString());

        // A bad line refuses the whole answer file, naming the line; nothing changes.
        assertThatThrownBy(() -> TestUsers.as(
                        support,
                        () -> payouts.applyBankAnswer("payout_id,status,bank_reference,reason\n" + payout
                                + ",SENT,TRX-1,\n" + payout + ",LOST,,\n")))
                .isInstanceOfSatisfying(PayoutException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.reason()).isEqualTo("answer_status");
                });
        assertThat(status(payout)).isEqualTo("SCHEDULED");
        // Paid before sent is refused.
        assertThatThrownBy(() -> TestUsers.run(support, () -> payouts.mark(payout, PayoutStatus.PAID, "X")))
                .isInstanceOfSatisfying(
                        PayoutException.class, e -> assertThat(e.reason()).isEqualTo("payout_transition"));

        TestUsers.as(
                support,
                () -> payouts.applyBankAnswer("payout_id,status,bank_reference,reason\n" + payout + ",SENT,TRX-1,\n"));
        assertThat(balances(tenant))
                .containsEntry(LedgerAccount.MERCHANT_PAYABLE, 0L)
                .containsEntry(LedgerAccount.PAYOUT_IN_TRANSIT, -250_000L);
        TestUsers.run(support, () -> payouts.mark(payout, PayoutStatus.PAID, "TRX-1"));
        assertThat(balances(tenant))
                .containsEntry(LedgerAccount.PAYOUT_IN_TRANSIT, 0L)
                .containsEntry(LedgerAccount.PLATFORM_CASH, -250_000L);
        // The bank returns it days later: the money is owed to the merchant again.
        TestUsers.run(support, () -> payouts.mark(payout, PayoutStatus.FAILED, "account closed"));
        assertThat(balances(tenant))
                .containsEntry(LedgerAccount.MERCHANT_PAYABLE, -250_000L)
                .containsEntry(LedgerAccount.PLATFORM_CASH, 0L);
        assertThat(status(payout)).isEqualTo("FAILED");

        List<String> audited = platform.call(
                "test",
                () -> jdbc.sql("select action from audit_entry where tenant_id = ? and entity_id = ? order by seq")
                        .params(tenant, payout.toString())
                        .query(String.class)
                        .list());
        assertThat(audited).containsExactly("payout.run", "payout.sent", "payout.paid", "payout.failed");
    }

    private String status(UUID payout) {
        return platform.call(
                "test",
                () -> jdbc.sql("select status from payout where id = ?")
                        .param(payout)
                        .query(String.class)
                        .single());
    }

    private Map<LedgerAccount, Long> balances(UUID tenant) {
        return platform.call("test", () -> {
            Map<LedgerAccount, Money> money = ledger.balances(tenant, "IDR");
            Map<LedgerAccount, Long> minor = new java.util.EnumMap<>(LedgerAccount.class);
            money.forEach((k, v) -> minor.put(k, v.minor()));
            return minor;
        });
    }
}

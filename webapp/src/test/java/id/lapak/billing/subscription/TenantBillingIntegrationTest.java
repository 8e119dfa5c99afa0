package id.lapak.billing.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapak.billing.ledger.Ledger;
import id.lapak.billing.ledger.LedgerAccount;
import id.lapak.billing.settlement.SettlementCloser;
import id.lapak.settlement.SettlementFixture;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.tenant.context.TenantContext;
import id.lapak.tenant.money.Money;
import id.lapak.testing.IntegrationTest;
import id.lapak.testing.TestUsers;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Billing tenants against the real schema: the month in the tenant's zone, proration, exactly one invoice per
 * period through reruns and two runs at once, gapless numbers, corrections as notes, plan validation, and
 * collecting — reminder, suspension, payment once, reactivation.
 */
@IntegrationTest
class TenantBillingIntegrationTest {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    @Autowired
    TenantDirectory tenants;

    @Autowired
    PlatformAccess platform;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlanCatalog catalog;

    @Autowired
    BillingRun run;

    @Autowired
    InvoiceCollection collection;

    @Autowired
    OwnBilling own;

    @Autowired
    CreditNotes creditNotes;

    @Autowired
    SettlementCloser closer;

    @Autowired
    Ledger ledger;

    SettlementFixture fixture;
    TestUsers.TestUser support = TestUsers.user(null, Set.of(), Role.SUPPORT);
    static String plan;

    @BeforeEach
    void setUp() {
        fixture = new SettlementFixture(tenants, platform, jdbc);
        if (plan == null) {
            plan = "T" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
            TestUsers.run(
                    support,
                    () -> catalog.addPrice(new PlanForm(
                            plan,
                            "Uji",
                            LocalDate.of(2026, 1, 1),
                            "IDR",
                            90_000,
                            30_000,
                            0,
                            PlanInterval.MONTHLY,
                            List.of(new PlanForm.TierForm(0, 100)))));
        }
    }

    @Test
    void aSaleAt2330WibOnThe30thIsBilledInThatMonthAndDevicesAreProrated() {
        UUID tenant = fixture.tenant("Tagih Batas");
        TestUsers.run(support, () -> catalog.subscribe(tenant, plan, LocalDate.of(2026, 11, 1)));
        UUID store = fixture.store(tenant, "Pusat", "Asia/Jakarta");
        platform.run(
                "test: device paired on the 16th",
                () -> jdbc.sql("update device set paired_at = ? where tenant_id = ?")
                        .params(java.sql.Timestamp.from(at(2026, 11, 16, 0, 0)), tenant)
                        .update());
        fixture.capturedSale(tenant, store, 10_000, at(2026, 11, 30, 23, 30), at(2026, 11, 30, 23, 30));
        fixture.capturedSale(tenant, store, 10_000, at(2026, 12, 1, 0, 30), at(2026, 12, 1, 0, 30));

        assertThat(run.bill(tenant, at(2026, 11, 30, 23, 59)).issued()).isZero(); // November not over in WIB
        assertThat(run.bill(tenant, at(2026, 12, 1, 0, 1)).issued()).isEqualTo(1);

        Map<String, Long> lines = lines(tenant, "2026-11-01");
        assertThat(lines)
                .containsEntry("PLAN:" + plan, 90_000L)
                .containsEntry("DEVICES:" + plan, 15_000L) // 30.000 × 15 device-days / 30
                .containsEntry("TRANSACTIONS:" + plan + ":0", 100L) // only the sale at 23:30 WIB on the 30th
                .containsEntry("PPN", 11_561L); // 11 % of 105.100
        assertThat(total(tenant, "2026-11-01")).isEqualTo(116_661L);
    }

    @Test
    void aRerunWritesNothingAndABackDatedPlanChangeIsOneNoteNeverASecondInvoice() {
        UUID tenant = fixture.tenant("Tagih Ulang");
        TestUsers.run(support, () -> catalog.subscribe(tenant, plan, LocalDate.of(2026, 9, 1)));
        Instant now = at(2026, 12, 2, 9, 0);
        assertThat(run.bill(tenant, now).issued()).isEqualTo(3); // catches up September to November
        assertThat(run.bill(tenant, now)).isEqualTo(new BillingRun.Outcome(1, 0, 0, 0));
        assertThat(documents(tenant)).hasSize(3);

        String cheaper = plan + "_C";
        TestUsers.run(
                support,
                () -> catalog.addPrice(new PlanForm(
                        cheaper,
                        "Uji murah",
                        LocalDate.of(2026, 1, 1),
                        "IDR",
                        30_000,
                        0,
                        0,
                        PlanInterval.MONTHLY,
                        List.of(new PlanForm.TierForm(0, 0)))));
        TestUsers.run(support, () -> catalog.subscribe(tenant, cheaper, LocalDate.of(2026, 11, 16)));
        assertThat(run.bill(tenant, now).corrected()).isEqualTo(1);
        assertThat(run.bill(tenant, now)).isEqualTo(new BillingRun.Outcome(1, 0, 0, 0));

        List<Map<String, Object>> november =
                platform.call("test", () -> jdbc.sql("""
                select kind, total_minor, number from saas_invoice where tenant_id = ? and period = '2026-11-01'
                order by kind <> 'INVOICE', number""").param(tenant).query().listOfRows());
        assertThat(november).extracting(r -> r.get("kind")).containsExactly("INVOICE", "CREDIT_NOTE");
        // 90.000 × 15/30 + 30.000 × 15/30 = 60.000 instead of 90.000: -30.000 and its PPN.
        assertThat(november.get(1).get("total_minor")).isEqualTo(-33_300L);
        assertThat((String) november.get(1).get("number")).matches("CN/2026/12/\\d{6}");
        assertThat(total(tenant, "2026-11-01")).isEqualTo(66_600L);
        // The same day twice is an overlap: refused, nothing saved.
        assertThatThrownBy(() ->
                        TestUsers.run(support, () -> catalog.subscribe(tenant, plan, LocalDate.of(2026, 11, 16))))
                .isInstanceOfSatisfying(
                        BillingRefused.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("effectiveFrom", "billing.error.overlap"));
    }

    @Test
    void twoRunsAtOnceMakeOneInvoicePerPeriodAndNumbersStayGapless() throws Exception {
        List<UUID> many = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID tenant = fixture.tenant("Tagih Serentak " + i);
            TestUsers.run(support, () -> catalog.subscribe(tenant, plan, LocalDate.of(2026, 10, 1)));
            many.add(tenant);
        }
        Instant now = at(2026, 12, 1, 1, 0);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    int issued = 0;
                    for (UUID tenant : many) {
                        issued += run.bill(tenant, now).issued();
                    }
                    return issued;
                }));
            }
            assertThat(runs.get(0).get() + runs.get(1).get()).isEqualTo(6);
        } finally {
            pool.shutdownNow();
        }
        for (UUID tenant : many) {
            assertThat(documents(tenant)).hasSize(2);
        }
        platform.run("test: gapless", () -> {
            List<Long> numbers = jdbc
                    .sql("select number from saas_invoice where number like 'INV/2026/%'")
                    .query(String.class)
                    .list()
                    .stream()
                    .map(n -> Long.parseLong(n.substring(n.lastIndexOf('/') + 1)))
                    .sorted()
                    .toList();
            long last = jdbc.sql("select last_no from saas_invoice_counter where series = 'INV' and year = 2026")
                    .query(Long.class)
                    .single();
            assertThat(numbers).hasSize((int) last).doesNotHaveDuplicates();
            assertThat(numbers.getLast()).isEqualTo(last);
        });
    }

    @Test
    void negativeAbsurdAndOverlappingPricesAreRefusedWithNothingSaved() {
        assertThatThrownBy(() -> TestUsers.run(
                        support,
                        () -> catalog.addPrice(new PlanForm(
                                "BAD_PLAN",
                                " ",
                                LocalDate.of(2026, 1, 1),
                                "IDR",
                                -1,
                                999_999_999_999L,
                                -3,
                                PlanInterval.MONTHLY,
                                List.of(new PlanForm.TierForm(10, 5))))))
                .isInstanceOfSatisfying(
                        BillingRefused.class,
                        e -> assertThat(e.fieldErrors())
                                .containsOnlyKeys("name", "monthlyFee", "deviceFee", "trialDays", "tiers"));
        assertThatThrownBy(() -> TestUsers.run(
                        support,
                        () -> catalog.addPrice(new PlanForm(
                                plan,
                                "Uji",
                                LocalDate.of(2026, 1, 1),
                                "IDR",
                                1,
                                1,
                                0,
                                PlanInterval.MONTHLY,
                                List.of(new PlanForm.TierForm(0, 0))))))
                .isInstanceOfSatisfying(
                        BillingRefused.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("effectiveFrom", "billing.error.overlap"));
        assertThat(platform.call(
                        "test",
                        () -> jdbc.sql("select count(*) from saas_plan where code = 'BAD_PLAN'")
                                .query(Long.class)
                                .single()))
                .isZero();
        assertThat(platform.call(
                        "test",
                        () -> jdbc.sql("select monthly_fee_minor from saas_plan_price where plan_code = ?")
                                .param(plan)
                                .query(Long.class)
                                .list()))
                .containsExactly(90_000L);
    }

    @Test
    void anUnpaidInvoiceIsRemindedThenSuspendsTheTenantAndPayingReactivatesIt() {
        UUID tenant = fixture.tenant("Tagih Tunggak");
        TestUsers.run(support, () -> catalog.subscribe(tenant, plan, LocalDate.of(2026, 11, 1)));
        run.runDue(at(2026, 12, 1, 8, 0));
        Map<String, Object> invoice = documents(tenant).getFirst();
        UUID id = (UUID) invoice.get("id");
        LocalDate due = ((java.sql.Date) invoice.get("due_on")).toLocalDate();
        assertThat(due).isEqualTo(LocalDate.of(2026, 12, 15));

        run.runDue(at(2026, 12, 16, 8, 0));
        assertThat(documents(tenant).getFirst().get("reminded_at")).isNotNull();
        assertThat(status(tenant)).isEqualTo("ACTIVE");
        assertThat(audit(tenant, "billing.invoice.reminded")).isEqualTo(1);

        run.runDue(at(2026, 12, 28, 23, 30));
        assertThat(status(tenant)).isEqualTo("ACTIVE"); // suspended 14 days after the due date: the 29th in WIB
        run.runDue(at(2026, 12, 29, 0, 30));
        assertThat(status(tenant)).isEqualTo("SUSPENDED");
        assertThat(audit(tenant, "tenant.suspended")).isEqualTo(1);

        assertThatThrownBy(() -> TestUsers.run(support, () -> collection.markPaid(tenant, id, " ")))
                .isInstanceOf(BillingRefused.class);
        TestUsers.run(support, () -> collection.markPaid(tenant, id, "BCA 0099812"));
        assertThat(status(tenant)).isEqualTo("ACTIVE");
        assertThat(audit(tenant, "tenant.reactivated")).isEqualTo(1);
        assertThatThrownBy(() -> TestUsers.run(support, () -> collection.markPaid(tenant, id, "BCA 0099812")))
                .isInstanceOfSatisfying(
                        BillingRefused.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("", "billing.error.alreadyPaid"));
        assertThatThrownBy(() -> TestUsers.run(
                        TestUsers.user(tenant, Set.of(), Role.MERCHANT_ADMIN),
                        () -> collection.markPaid(tenant, id, "x")))
                .isInstanceOf(org.springframework.security.authorization.AuthorizationDeniedException.class);
    }

    @Test
    void aMerchantAdminSeesOnlyTheirOwnInvoicesAndEstimate() {
        UUID mine = fixture.tenant("Tagih Milik");
        UUID other = fixture.tenant("Tagih Lain");
        TestUsers.run(support, () -> catalog.subscribe(mine, plan, LocalDate.of(2026, 10, 1)));
        TestUsers.run(support, () -> catalog.subscribe(other, plan, LocalDate.of(2026, 10, 1)));
        run.bill(mine, at(2026, 12, 1, 1, 0));
        run.bill(other, at(2026, 12, 1, 1, 0));
        UUID othersInvoice = (UUID) documents(other).getFirst().get("id");
        var admin = TestUsers.user(mine, Set.of(), Role.MERCHANT_ADMIN);

        assertThat(TestUsers.as(admin, () -> own.invoices()))
                .hasSize(2)
                .allSatisfy(i -> assertThat(i.tenantId()).isEqualTo(mine));
        assertThat(TestUsers.as(admin, () -> own.lines(othersInvoice))).isEmpty();
        assertThatThrownBy(() -> TestUsers.as(admin, () -> own.pdf(othersInvoice, java.util.Locale.ENGLISH, k -> k)))
                .isInstanceOf(BillingRefused.class);
        assertThat(TestUsers.as(admin, () -> own.currentPlan()))
                .map(PlanPrice::planCode)
                .contains(plan);
        assertThat(TestUsers.as(admin, () -> own.estimate()).lines())
                .extracting(InvoiceLine::key)
                .contains("PLAN:" + plan, "PPN");
        assertThatThrownBy(() -> TestUsers.as(TestUsers.user(mine, Set.of(), Role.CASHIER), () -> own.invoices()))
                .isInstanceOf(org.springframework.security.authorization.AuthorizationDeniedException.class);
    }

    @Test
    void supportCreditsPartOfAnInvoiceWithItsPpnNeverMoreThanIsLeftAndARerunKeepsTheCredit() {
        UUID tenant = fixture.tenant("Tagih Kredit");
        platform.run(
                "test: an admin address",
                () -> jdbc.sql("update tenant set admin_email = ? where id = ?")
                        .params("pemilik@tagih-kredit.id", tenant)
                        .update());
        TestUsers.run(support, () -> catalog.subscribe(tenant, plan, LocalDate.of(2026, 11, 1)));
        Instant now = at(2026, 12, 1, 8, 0);
        run.bill(tenant, now);
        UUID invoice = (UUID) documents(tenant).getFirst().get("id");
        assertThat(total(tenant, "2026-11-01")).isEqualTo(99_900L); // 90.000 + 11 % PPN

        String number = TestUsers.as(
                support,
                () -> creditNotes.credit(tenant, invoice, Money.of(10_000, "IDR"), "Gangguan layanan tiga jam"));
        assertThat(number).matches("CN/2026/\\d{2}/\\d{6}");
        Map<String, Object> note = documents(tenant).get(1);
        assertThat(note)
                .containsEntry("kind", "CREDIT_NOTE")
                .containsEntry("total_minor", -11_100L)
                .containsEntry("ppn_minor", -1_100L)
                .containsEntry("note", "Gangguan layanan tiga jam")
                .containsEntry("corrects", invoice);
        assertThat(total(tenant, "2026-11-01")).isEqualTo(88_800L);
        assertThat(platform.call(
                        "test: mail",
                        () -> jdbc.sql("""
                select count(*) from mail_outbox where tenant_id = ? and kind = 'SAAS_INVOICE' and subject like ?""")
                                .params(tenant, "%" + number + "%")
                                .query(Long.class)
                                .single()))
                .as("the note e-mailed")
                .isEqualTo(1);
        assertThat(run.bill(tenant, now))
                .as("a rerun leaves the credit alone")
                .isEqualTo(new BillingRun.Outcome(1, 0, 0, 0));

        // More than is left (80.001 + 8.800 PPN > 88.800), a blank amount with a short reason, a note: refused.
        assertThatThrownBy(() -> TestUsers.as(
                        support, () -> creditNotes.credit(tenant, invoice, Money.of(80_001, "IDR"), "Sisa tagihan")))
                .isInstanceOfSatisfying(
                        BillingRefused.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("", "billing.error.creditExceedsInvoice"));
        assertThatThrownBy(() ->
                        TestUsers.as(support, () -> creditNotes.credit(tenant, invoice, Money.of(0, "IDR"), "x")))
                .isInstanceOfSatisfying(
                        BillingRefused.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("amount", "reason"));
        assertThatThrownBy(() -> TestUsers.as(
                        support,
                        () -> creditNotes.credit(
                                tenant, (UUID) note.get("id"), Money.of(1_000, "IDR"), "Kredit atas nota")))
                .isInstanceOfSatisfying(
                        BillingRefused.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("", "billing.error.creditOnlyInvoices"));
        assertThatThrownBy(() -> TestUsers.as(
                        TestUsers.user(tenant, Set.of(), Role.MERCHANT_ADMIN),
                        () -> creditNotes.credit(tenant, invoice, Money.of(1_000, "IDR"), "Kredit sendiri")))
                .isInstanceOf(org.springframework.security.authorization.AuthorizationDeniedException.class);
        assertThat(documents(tenant)).as("nothing saved by the refusals").hasSize(2);

        // The rest: nothing is left open, so the invoice is closed as credited and no longer reminded.
        TestUsers.as(support, () -> creditNotes.credit(tenant, invoice, Money.of(80_000, "IDR"), "Sisa tagihan"));
        assertThat(total(tenant, "2026-11-01")).isZero();
        assertThat(documents(tenant).getFirst()).containsEntry("status", "CREDITED");
        run.runDue(at(2026, 12, 20, 8, 0));
        assertThat(audit(tenant, "billing.invoice.reminded")).isZero();
    }

    @Test
    void anInvoiceOfATenantWithAPayoutAccountIsTakenFromTheNextPayoutOnceAndACreditGoesBackTheSameWay() {
        UUID tenant = fixture.tenant("Tagih Potong");
        UUID store = fixture.store(tenant, "Pusat", "Asia/Jakarta");
        fixture.plan(tenant, LocalDate.of(2026, 1, 1), 0, 0, 0, 1100);
        fixture.payoutAccount(tenant);
        TestUsers.run(support, () -> catalog.subscribe(tenant, plan, LocalDate.of(2026, 11, 1)));
        fixture.capturedSale(tenant, store, 500_000, at(2026, 12, 1, 10, 0), at(2026, 12, 1, 10, 0));

        run.bill(tenant, at(2026, 12, 1, 8, 0));
        run.bill(tenant, at(2026, 12, 1, 9, 0));
        Map<String, Object> invoice = documents(tenant).getFirst();
        long total = (Long) invoice.get("total_minor");
        assertThat(invoice)
                .containsEntry("status", "PAID")
                .containsEntry("paid_reference", InvoiceRow.PAID_FROM_PAYOUTS);
        assertThat(deductions(tenant)).as("once, however often billing runs").containsExactly(-total);
        assertThat(audit(tenant, "billing.invoice.deducted")).isEqualTo(1);

        closer.close(tenant, at(2026, 12, 3, 2, 0));
        Map<String, Object> batch =
                platform.call("test", () -> jdbc.sql("""
                select gross_minor, adjustments_minor, net_minor from settlement_batch
                where tenant_id = ? and business_day = '2026-12-01'""").param(tenant).query().singleRow());
        assertThat(batch).containsEntry("gross_minor", 500_000L).containsEntry("adjustments_minor", -total);
        assertThat((Long) batch.get("net_minor"))
                .as("the payout is smaller by the invoice")
                .isEqualTo(500_000L - total);

        UUID id = (UUID) invoice.get("id");
        TestUsers.as(support, () -> creditNotes.credit(tenant, id, Money.of(10_000, "IDR"), "Gangguan layanan"));
        assertThat(deductions(tenant)).containsExactlyInAnyOrder(-total, 11_100L);
        TenantContext.runAs(
                tenant,
                () -> platform.run(
                        "test: balances",
                        () -> assertThat(ledger.balances(tenant, "IDR")
                                        .get(LedgerAccount.LAPAK_INVOICES)
                                        .minor())
                                .isEqualTo(-(total - 11_100L))));
    }

    private static Instant at(int year, int month, int day, int hour, int minute) {
        return LocalDate.of(year, month, day).atTime(hour, minute).atZone(WIB).toInstant();
    }

    private Map<String, Long> lines(UUID tenant, String period) {
        Map<String, Long> lines = new java.util.HashMap<>();
        platform.run(
                "test",
                () -> jdbc.sql("""
                select l.line_key, l.amount_minor from saas_invoice_line l
                join saas_invoice i on i.tenant_id = l.tenant_id and i.id = l.invoice_id
                where i.tenant_id = ? and i.period = ?::date and i.kind = 'INVOICE'""")
                        .params(tenant, period)
                        .query((rs, n) -> lines.put(rs.getString(1), rs.getLong(2)))
                        .list());
        return lines;
    }

    private long total(UUID tenant, String period) {
        return platform.call(
                "test",
                () -> jdbc.sql("select sum(total_minor) from saas_invoice where tenant_id = ? and period = ?::date")
                        .params(tenant, period)
                        .query(Long.class)
                        .single());
    }

    private List<Map<String, Object>> documents(UUID tenant) {
        return platform.call(
                "test",
                () -> jdbc.sql("select * from saas_invoice where tenant_id = ? order by period, issued_at")
                        .param(tenant)
                        .query()
                        .listOfRows());
    }

    private String status(UUID tenant) {
        return platform.call(
                "test",
                () -> jdbc.sql("select status from tenant where id = ?")
                        .param(tenant)
                        .query(String.class)
                        .single());
    }

    private List<Long> deductions(UUID tenant) {
        return platform.call(
                "test", () -> jdbc.sql("""
                select amount_minor from ledger_adjustment where tenant_id = ? and saas_invoice_id is not null""").param(tenant).query(Long.class).list());
    }

    private long audit(UUID tenant, String action) {
        return platform.call(
                "test",
                () -> jdbc.sql("select count(*) from audit_entry where tenant_id = ? and action = ?")
                        .params(tenant, action)
                        .query(Long.class)
                        .single());
    }
}

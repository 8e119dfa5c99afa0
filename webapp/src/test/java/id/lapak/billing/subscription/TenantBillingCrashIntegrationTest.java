package id.lapak.billing.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.settlement.SettlementFixture;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.testing.IntegrationTest;
import id.lapak.testing.SecondNode;
import id.lapak.testing.TestUsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Exactly once under failure, with real processes: a separate Lapak JVM ({@link BillingProcess}) on this test's
 * database bills four missed months of a tenant and is killed with {@code kill -9} after writing the second invoice
 * and before committing it. A restarted process and this application then bill the same tenant at the same moment,
 * as two nodes would. The tenant ends with exactly the documents of an identical tenant billed without a crash, one
 * invoice per month, and the invoice numbers of the year have no gap: the killed invoice's number was never taken.
 */
@IntegrationTest
class TenantBillingCrashIntegrationTest {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final Instant NOW =
            LocalDateTime.parse("2026-12-01T09:00").atZone(WIB).toInstant();

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

    @Value("${spring.datasource.url}")
    String databaseUrl;

    @Value("${lapak.keys.master-keystore}")
    String masterKeystore;

    final List<Process> processes = new ArrayList<>();

    @AfterEach
    void killWhatIsLeft() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void aProcessKilledInTheMiddleThenTwoNodesAtOnceLeaveOneInvoicePerMonthAndNoGapInTheNumbers() throws Exception {
        SettlementFixture fixture = new SettlementFixture(tenants, platform, jdbc);
        String plan =
                "K" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        var support = TestUsers.user(null, Set.of(), Role.SUPPORT);
        TestUsers.run(
                support,
                () -> catalog.addPrice(new PlanForm(
                        plan,
                        "Uji mati",
                        LocalDate.of(2026, 1, 1),
                        "IDR",
                        120_000,
                        25_000,
                        0,
                        PlanInterval.MONTHLY,
                        List.of(new PlanForm.TierForm(0, 150)))));
        UUID reference = fixture.tenant("Tagih Tenang");
        UUID crashed = fixture.tenant("Tagih Mati Lampu");
        for (UUID tenant : List.of(reference, crashed)) {
            TestUsers.run(support, () -> catalog.subscribe(tenant, plan, LocalDate.of(2026, 8, 1)));
        }
        run.bill(reference, NOW);
        assertThat(documents(reference)).hasSize(4);

        Path work = Files.createTempDirectory("lapak-billing-crash");
        Process killed = start(work.resolve("killed.out"), crashed, 2);
        String middle = SecondNode.awaitLine(work.resolve("killed.out"), killed, BillingProcess.IN_THE_MIDDLE);
        assertThat(middle).contains("INV/2026/");
        killed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(killed.isAlive()).isFalse();
        assertThat(documents(crashed))
                .as("August committed; September, killed before its commit, left nothing")
                .containsExactly("2026-08-01|INVOICE|133200");

        Path go = work.resolve("go");
        Process restarted = start(work.resolve("restarted.out"), crashed, 0, "--go-file=" + go);
        SecondNode.awaitLine(work.resolve("restarted.out"), restarted, BillingProcess.READY);
        Files.writeString(go, "go");
        CompletableFuture<BillingRun.Outcome> here = CompletableFuture.supplyAsync(() -> run.bill(crashed, NOW));
        String done = SecondNode.awaitLine(work.resolve("restarted.out"), restarted, BillingProcess.DONE);
        assertThat(restarted.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(restarted.exitValue()).isZero();
        int issuedHere = here.get(2, TimeUnit.MINUTES).issued();
        int issuedThere = Integer.parseInt(done.replaceAll(".* (\\d+) invoices.*", "$1"));
        assertThat(issuedHere + issuedThere)
                .as("the three remaining months, each billed by one node")
                .isEqualTo(3);

        assertThat(documents(crashed)).isEqualTo(documents(reference));
        assertThat(run.bill(crashed, NOW)).isEqualTo(new BillingRun.Outcome(1, 0, 0, 0));
        List<Long> numbers = platform.call(
                "test: this year's invoice numbers",
                () -> jdbc.sql("""
                select substring(number from 13)::bigint from saas_invoice
                where number like 'INV/2026/%' order by 1""").query(Long.class).list());
        assertThat(numbers)
                .as("gapless: 1 to %d", numbers.size())
                .isNotEmpty()
                .first()
                .isEqualTo(1L);
        assertThat(numbers.getLast()).isEqualTo((long) numbers.size());
    }

    /** The tenant's documents as period|kind|total, oldest first (ids and numbers differ between tenants). */
    private List<String> documents(UUID tenant) {
        return platform.call(
                "test: documents",
                () -> jdbc.sql("""
                select concat_ws('|', period, kind, total_minor) from saas_invoice where tenant_id = ?
                order by period, kind""").param(tenant).query(String.class).list());
    }

    private Process start(Path output, UUID tenant, int stopAtInvoice, String... more) throws IOException {
        List<String> arguments = new ArrayList<>(
                List.of("--server.port=0", "--spring.quartz.auto-startup=false", "--tenant=" + tenant, "--now=" + NOW));
        if (stopAtInvoice > 0) {
            arguments.add("--stop-at-invoice=" + stopAtInvoice);
        }
        arguments.addAll(List.of(more));
        Process process = SecondNode.startProcess(
                BillingProcess.class.getName(), output, databaseUrl, Path.of(masterKeystore), arguments);
        processes.add(process);
        return process;
    }
}

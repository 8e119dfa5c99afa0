package id.lapak.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.billing.settlement.SettlementCloser;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.testing.IntegrationTest;
import id.lapak.testing.SecondNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Exactly once under failure, with real processes. A separate Lapak JVM ({@link CloseOfDayProcess}) on this test's
 * database starts closing three missed days of a tenant and is killed with {@code kill -9} in the middle of the
 * second day (its batch, lines, ledger and payout written, not committed). Then a restarted process and this
 * application close the same tenant at the same moment, as two nodes would. The result is identical, batch for batch
 * and account for account, to an identical tenant closed without a crash: the killed day left nothing behind,
 * nothing is settled twice, and a further rerun changes nothing.
 */
@IntegrationTest
class SettlementCrashIntegrationTest {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final Instant NOW =
            LocalDateTime.parse("2026-11-13T02:00").atZone(WIB).toInstant();

    @Autowired
    TenantDirectory tenants;

    @Autowired
    PlatformAccess platform;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SettlementCloser closer;

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
    void aProcessKilledInTheMiddleOfADayThenTwoNodesAtOnceLeaveExactlyWhatAnUninterruptedCloseLeaves()
            throws Exception {
        SettlementFixture fixture = new SettlementFixture(tenants, platform, jdbc);
        SettlementChecks checks = new SettlementChecks(platform, jdbc);
        UUID reference = threeDaysOfBusiness(fixture, "Toko Tenang");
        UUID crashed = threeDaysOfBusiness(fixture, "Toko Mati Lampu");
        closer.close(reference, NOW);

        Path work = Files.createTempDirectory("lapak-close-crash");
        Process killed = start(work.resolve("killed.out"), crashed, 2);
        String middle = awaitLine(work.resolve("killed.out"), killed, CloseOfDayProcess.IN_THE_MIDDLE);
        assertThat(middle).endsWith("2026-11-11");
        killed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(killed.isAlive()).isFalse();
        // The first day committed; the second, killed before its commit, left nothing.
        assertThat(checks.batches(crashed))
                .extracting(SettlementChecks.Batch::day)
                .containsExactly(LocalDate.parse("2026-11-10"));
        checks.assertConsistent(crashed);

        // Restarted, and a second node closing at the same moment.
        Path go = work.resolve("go");
        Process restarted = start(work.resolve("restarted.out"), crashed, 0, "--go-file=" + go);
        awaitLine(work.resolve("restarted.out"), restarted, CloseOfDayProcess.READY);
        Files.writeString(go, "go");
        CompletableFuture<SettlementCloser.Outcome> here =
                CompletableFuture.supplyAsync(() -> closer.close(crashed, NOW));
        String done = awaitLine(work.resolve("restarted.out"), restarted, CloseOfDayProcess.DONE);
        assertThat(restarted.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(restarted.exitValue()).isZero();
        int batchesHere = here.get(2, TimeUnit.MINUTES).batches();
        int batchesThere = Integer.parseInt(done.replaceAll(".* days (\\d+) batches.*", "$1"));
        assertThat(batchesHere + batchesThere)
                .as("the two remaining days, each closed by one node")
                .isEqualTo(2);

        checks.assertConsistent(crashed);
        checks.assertEveryOperationSettledOnce(crashed);
        checks.assertEveryAdjustmentSettledOnce(crashed);
        assertThat(comparable(crashed)).isEqualTo(comparable(reference));

        SettlementChecks.Snapshot before = checks.snapshot(crashed);
        assertThat(closer.close(crashed, NOW.plus(Duration.ofDays(1))).batches())
                .isZero();
        assertThat(checks.snapshot(crashed)).isEqualTo(before);
    }

    /** Two stores (WIB, WITA), three days of sales, refunds, a chargeback and an adjustment: the same every call. */
    private static UUID threeDaysOfBusiness(SettlementFixture fixture, String name) {
        Random random = new Random(15);
        UUID tenant = fixture.tenant(name);
        List<UUID> stores = List.of(
                fixture.store(tenant, "Jakarta", "Asia/Jakarta"), fixture.store(tenant, "Bali", "Asia/Makassar"));
        fixture.plan(tenant, LocalDate.of(2026, 1, 1), 190, 150, 700, 1100);
        fixture.payoutAccount(tenant);
        for (int day = 10; day <= 12; day++) {
            for (int i = 0; i < 40; i++) {
                UUID store = stores.get(i % 2);
                Instant at = LocalDateTime.parse("2026-11-" + day + "T08:00")
                        .atZone(WIB)
                        .toInstant()
                        .plusSeconds(random.nextInt(10 * 3600));
                long amount = 5_000 + random.nextInt(400_000);
                UUID sale = fixture.capturedSale(tenant, store, amount, at, at);
                if (i % 7 == 0) {
                    fixture.refund(tenant, sale, amount / 2, at.plusSeconds(600));
                }
                if (i == 13) {
                    fixture.chargeback(tenant, sale, "CHARGEBACK", amount, at.plusSeconds(900));
                }
            }
        }
        fixture.adjustment(
                tenant,
                -25_000,
                LocalDateTime.parse("2026-11-11T12:00").atZone(WIB).toInstant());
        return tenant;
    }

    /** What the close wrote, without the ids that differ between tenants. */
    private List<String> comparable(UUID tenant) {
        return platform.call("test: comparable settlement", () -> {
            List<String> rows = new ArrayList<>(
                    jdbc.sql("""
                    select concat_ws('|', 'batch', business_day, line_count, late_count, gross_minor, refunds_minor,
                        fees_minor, ppn_minor, adjustment_count, adjustments_minor, carried_in_minor, net_minor)
                    from settlement_batch where tenant_id = ? order by business_day""").param(tenant).query(String.class).list());
            rows.addAll(jdbc.sql("""
                    select concat_ws('|', 'ledger', t.kind, e.account, count(*), sum(e.amount_minor))
                    from ledger_transaction t
                    join ledger_entry e on e.tenant_id = t.tenant_id and e.transaction_id = t.id
                    where t.tenant_id = ? group by t.kind, e.account order by t.kind, e.account""").param(tenant).query(String.class).list());
            rows.addAll(jdbc.sql("""
                    select concat_ws('|', 'payout', b.business_day, p.amount_minor, p.expected_on, p.status)
                    from payout p join settlement_batch b on b.tenant_id = p.tenant_id and b.id = p.batch_id
                    where p.tenant_id = ? order by b.business_day""").param(tenant).query(String.class).list());
            return rows;
        });
    }

    /** The whole application in a JVM of its own on this test's database, closing {@code tenant}'s due days. */
    private Process start(Path output, UUID tenant, int stopAtDay, String... more) throws IOException {
        List<String> arguments = new ArrayList<>(
                List.of("--server.port=0", "--spring.quartz.auto-startup=false", "--tenant=" + tenant, "--now=" + NOW));
        if (stopAtDay > 0) {
            arguments.add("--stop-at-day=" + stopAtDay);
        }
        arguments.addAll(List.of(more));
        Process process = SecondNode.startProcess(
                CloseOfDayProcess.class.getName(), output, databaseUrl, Path.of(masterKeystore), arguments);
        processes.add(process);
        return process;
    }

    private static String awaitLine(Path output, Process process, String marker) throws Exception {
        return SecondNode.awaitLine(output, process, marker);
    }
}

package id.lapak.bench;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.billing.settlement.SettlementCloser;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.testing.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Closing one business day of 1,000 tenants with 1,000,000 captured sales and 50,000 refunds: the application's
 * close (SettlementCloser, tenant by tenant) against the hand-written set-based script bench/settlement/close-day.sql
 * doing the same writes, measured in the same run on the same data (the script runs first, in a transaction that is
 * rolled back). Run by bench/settlement-close.sh on an idle machine; see bench/README.md.
 */
@IntegrationTest
class SettlementCloseBench {

    private static final int TENANTS = Integer.getInteger("bench.tenants", 1_000);
    private static final int SALES = Integer.getInteger("bench.sales", 1_000_000);
    private static final int REFUNDS = Integer.getInteger("bench.refunds", 50_000);
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private static final Instant NOW = Instant.parse("2026-12-01T20:00:00Z");
    /** When the day before has ended everywhere but the measured day has not: the warm-up closes that day. */
    private static final Instant WARM_UP_NOW = Instant.parse("2026-11-30T20:00:00Z");

    private static final int WARM_UP_SALES_PER_TENANT = 5;

    @Autowired
    PlatformAccess platform;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    SettlementCloser closer;

    @Test
    void closeOneDayOfAThousandTenants() throws Exception {
        long seedStart = System.nanoTime();
        BenchSeed.seed(dataSource, this::seed);
        System.out.printf(
                "BENCH seeded %d tenants, %d sales, %d refunds in %d ms%n",
                TENANTS, SALES, REFUNDS, (System.nanoTime() - seedStart) / 1_000_000);
        BenchSeed.run(dataSource, "vacuum analyze");
        int hold = Integer.getInteger("bench.hold", 0);
        if (hold > 0) {
            System.out.printf("BENCH holding %d s on port %d%n", hold, port());
            Thread.sleep(hold * 1000L);
        }

        // The application role may not create temporary tables (tenant migration V2026.12.03.81); the script keeps
        // the batches it wrote in one, so the benchmark's database lends that right to the role running it.
        BenchSeed.run(dataSource, "grant temporary on database lapak to lapak_platform");
        // A serving node has closed days before: the warm-up closes the day before (five sales a tenant), so the
        // measured close does not pay for loading and compiling its own code.
        long warmStart = System.nanoTime();
        SettlementCloser.Outcome warm = closer.closeDue(WARM_UP_NOW);
        closer.afterClose(warm);
        System.out.printf(
                "BENCH warm-up: the day before closed, %d batches in %d ms%n",
                warm.batches(), (System.nanoTime() - warmStart) / 1_000_000);
        assertThat(warm.batches()).isEqualTo(TENANTS);
        long baselineMillis = runScript();
        BenchSeed.run(dataSource, "revoke temporary on database lapak from lapak_platform");
        System.out.printf("BENCH hand-written SQL script: %d ms%n", baselineMillis);
        // The script's rolled-back rows are dead tuples in the tables and indexes the close writes next.
        BenchSeed.run(
                dataSource,
                "vacuum analyze settlement_batch, settlement_line, ledger_transaction, ledger_entry,"
                        + " payout, report_change");

        long start = System.nanoTime();
        SettlementCloser.Outcome outcome = closer.closeDue(NOW);
        long closeMillis = (System.nanoTime() - start) / 1_000_000;
        // Not part of closing the day: what the job does next, outside the close (audit chains signed once for the
        // run, each batch announced in its tenant's transaction; these tenants have no admin to mail).
        long afterStart = System.nanoTime();
        int announced = closer.afterClose(outcome);
        System.out.printf(
                "BENCH after the close: %d audit chains signed, %d batches announced in %d ms%n",
                outcome.closedTenants().size(), announced, (System.nanoTime() - afterStart) / 1_000_000);
        System.out.printf(
                "BENCH SettlementCloser: %d tenants, %d batches, %d payouts in %d ms (%.2f x the script)%n",
                outcome.tenants(),
                outcome.batches(),
                outcome.payoutsScheduled(),
                closeMillis,
                closeMillis / (double) Math.max(1, baselineMillis));
        record Closed(long batches, long lines, long payouts) {}
        Closed closed = platform.call(
                "bench: count",
                () -> jdbc.sql("""
                                select count(*), coalesce(sum(b.line_count), 0),
                                       (select count(*) from payout p where p.batch_id = any(array_agg(b.id)))
                                from settlement_batch b join tenant t on t.id = b.tenant_id
                                where t.name like 'Bench %' and b.business_day = ?""")
                        .param(DAY)
                        .query((rs, n) -> new Closed(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                        .single());
        System.out.printf(
                "BENCH closed: %d batches of %d lines, %d payouts%n",
                closed.batches(), closed.lines(), closed.payouts());
        assertThat(closed.batches()).isEqualTo(TENANTS);
        assertThat(closed.lines()).isEqualTo(SALES + REFUNDS);
        assertThat(closed.payouts()).isEqualTo(TENANTS);
        assertThat(closeMillis).isLessThanOrEqualTo((long) (baselineMillis * 1.5));
        assertThat(closeMillis).isLessThanOrEqualTo(10_000);
    }

    /**
     * Runs bench/settlement/close-day.sql in psql (as the platform role, in one transaction that is rolled back)
     * and prints each statement's time; without psql on the machine, the same statements over JDBC.
     */
    private long runScript() throws Exception {
        String script = Files.readString(Path.of("../bench/settlement/close-day.sql"));
        if (Files.isExecutable(Path.of("/usr/bin/psql"))) {
            Path file = Files.createTempFile("close-day", ".sql");
            Files.writeString(file, "\\timing on\nbegin;\n" + script + "\nrollback;\n");
            ProcessBuilder psql = new ProcessBuilder(
                            "/usr/bin/psql",
                            "-X",
                            "-q",
                            "-v",
                            "ON_ERROR_STOP=1",
                            "-v",
                            "day=" + DAY,
                            "-v",
                            "now='" + NOW + "'",
                            "-h",
                            "localhost",
                            "-p",
                            String.valueOf(port()),
                            "-U",
                            "lapak_platform",
                            "-d",
                            "lapak",
                            "-f",
                            file.toString())
                    .redirectErrorStream(true);
            psql.environment().put("PGPASSWORD", "lapak_platform");
            long start = System.nanoTime();
            Process process = psql.start();
            String output = new String(process.getInputStream().readAllBytes());
            int exit = process.waitFor();
            long millis = (System.nanoTime() - start) / 1_000_000;
            Files.delete(file);
            output.lines()
                    .filter(l -> l.startsWith("Time:") || l.contains("ERROR"))
                    .forEach(l -> System.out.println("BENCH   psql " + l));
            assertThat(exit).as(output).isZero();
            return millis;
        }
        script = script.replace(":'day'", "'" + DAY + "'").replace(":now", "'" + NOW + "'");
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            try (Statement statement = connection.createStatement()) {
                for (String sql : script.split(";\\s*\\n")) {
                    if (!sql.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("--"))) {
                        statement.execute(sql);
                    }
                }
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            connection.rollback();
            return millis;
        }
    }

    private int port() {
        return jdbc.sql("select inet_server_port()").query(Integer.class).single();
    }

    private void seed(JdbcClient db) {
        db.sql("""
                insert into tenant (id, name, legal_name, country, currency, time_zone, status, created_at)
                select md5('bench-tenant-' || n)::uuid, 'Bench ' || n, 'PT Bench ' || n, 'ID', 'IDR', 'Asia/Jakarta',
                       'ACTIVE', now()
                from generate_series(1, ?) n""").param(TENANTS).update();
        db.sql("""
                insert into store (tenant_id, id, name, address, city, time_zone, currency, tax_registered, tax_rate,
                    prices_include_tax, active, created_at, updated_at)
                select md5('bench-tenant-' || n)::uuid, md5('bench-store-' || n)::uuid, 'Toko ' || n, 'Jl. 1', 'Kota',
                       (array['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'])[1 + n % 3], 'IDR', true, 11, true,
                       true, now(), now()
                from generate_series(1, ?) n""").param(TENANTS).update();
        db.sql("""
                insert into device (tenant_id, id, store_id, name, status, public_key, paired_at, config_changed_at)
                select md5('bench-tenant-' || n)::uuid, md5('bench-device-' || n)::uuid,
                       md5('bench-store-' || n)::uuid, 'Kasir', 'ACTIVE', '\\x00'::bytea, now(), now()
                from generate_series(1, ?) n""").param(TENANTS).update();
        db.sql("""
                insert into pricing_plan (tenant_id, id, effective_from, currency, min_fee_minor, ppn_bp, recorded_at,
                    recorded_by)
                select md5('bench-tenant-' || n)::uuid, md5('bench-plan-' || n)::uuid, '2026-01-01', 'IDR', 500, 1100,
                       now(), 'bench'
                from generate_series(1, ?) n""").param(TENANTS).update();
        db.sql("""
                insert into pricing_rate (tenant_id, plan_id, brand, rate_bp, fixed_minor)
                select md5('bench-tenant-' || n)::uuid, md5('bench-plan-' || n)::uuid, b, 190, 0
                from generate_series(1, ?) n, unnest(array['VISA', 'MASTERCARD', 'GPN']) b""").param(TENANTS).update();
        db.sql("""
                insert into payout_account (tenant_id, id, bank_code, bank_name, holder_name, account_number, active,
                    created_at, created_by)
                select md5('bench-tenant-' || n)::uuid, md5('bench-account-' || n)::uuid, '014', 'BCA', 'Toko ' || n,
                       lpad(n::text, 10, '0'), true, now(), 'bench'
                from generate_series(1, ?) n""").param(TENANTS).update();
        // Sales spread over the day in each store's zone (WIB, WITA, WIT): 00:00 local + up to 23:59.
        db.sql("""
                insert into sale (tenant_id, id, store_id, device_id, idempotency_key, request_hash, status, currency,
                    amount_minor, entry_mode, offline, device_time, received_at, sold_at, decided_at, card_brand,
                    authorized_minor, captured_minor)
                select md5('bench-tenant-' || t)::uuid, md5('bench-sale-' || g)::uuid, md5('bench-store-' || t)::uuid,
                       md5('bench-device-' || t)::uuid, g::text, '\\x00'::bytea, 'CAPTURED', 'IDR',
                       10000 + (g::bigint * 7919) % 990000, 'CHIP', false, at, at, at, at,
                       (array['VISA', 'MASTERCARD', 'GPN'])[1 + g % 3], 10000 + (g::bigint * 7919) % 990000,
                       10000 + (g::bigint * 7919) % 990000
                from generate_series(1, ?) g
                cross join lateral (select 1 + g % ? as t) tt
                cross join lateral (select (timestamp '2026-12-01 00:00' + (g % 86340) * interval '1 second')
                    at time zone (array['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'])[1 + t % 3] as at) a""").params(SALES, TENANTS).update();
        // The warm-up's sales: a few a tenant on the day before, in each store's zone.
        db.sql("""
                insert into sale (tenant_id, id, store_id, device_id, idempotency_key, request_hash, status, currency,
                    amount_minor, entry_mode, offline, device_time, received_at, sold_at, decided_at, card_brand,
                    authorized_minor, captured_minor)
                select md5('bench-tenant-' || t)::uuid, md5('bench-warm-sale-' || g)::uuid, md5('bench-store-' || t)::uuid,
                       md5('bench-device-' || t)::uuid, 'w' || g, '\\x00'::bytea, 'CAPTURED', 'IDR', 50000, 'CHIP', false,
                       at, at, at, at, 'VISA', 50000, 50000
                from generate_series(1, ? * ?) g
                cross join lateral (select 1 + g % ? as t) tt
                cross join lateral (select (timestamp '2026-11-30 09:00' + g * interval '1 second')
                    at time zone (array['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'])[1 + t % 3] as at) a""").params(TENANTS, WARM_UP_SALES_PER_TENANT, TENANTS).update();
        db.sql("""
                insert into payment_operation (tenant_id, id, sale_id, kind, status, amount_minor, actor, created_at,
                    completed_at)
                select tenant_id, md5('bench-warm-capture-' || idempotency_key)::uuid, id, 'CAPTURE', 'SUCCEEDED',
                       amount_minor, 'bench', sold_at, sold_at
                from sale where idempotency_key like 'w%'""").update();
        db.sql("""
                insert into payment_operation (tenant_id, id, sale_id, kind, status, amount_minor, actor, created_at,
                    completed_at)
                select tenant_id, md5('bench-capture-' || idempotency_key)::uuid, id, 'CAPTURE', 'SUCCEEDED',
                       amount_minor, 'bench', sold_at, sold_at
                from sale where idempotency_key ~ '^[0-9]+$'""").update();
        db.sql("""
                insert into payment_operation (tenant_id, id, sale_id, kind, status, amount_minor, actor, created_at,
                    completed_at)
                select tenant_id, md5('bench-refund-' || idempotency_key)::uuid, id, 'REFUND', 'SUCCEEDED',
                       amount_minor / 2, 'bench', sold_at + interval '1 minute', sold_at + interval '1 minute'
                from sale where idempotency_key ~ '^[0-9]+$' and idempotency_key::bigint % (? / ?) = 0""").params(SALES, REFUNDS).update();
        // What the payment path wrote as each operation succeeded (billing migration V2026.12.04.70): its line in
        // the batch of its day, priced by the plan, and its ledger transaction. Written set-based here; the close
        // only adds the lines up.
        db.sql("""
                insert into settlement_line (tenant_id, batch_id, operation_id, sale_id, store_id, kind, brand,
                    recorded_at, sold_at, gross_minor, fee_minor, ppn_minor, late, business_day, currency)
                select o.tenant_id, settlement_batch_id(o.tenant_id, s.currency, d.day), o.id, o.sale_id, s.store_id,
                       o.kind, s.card_brand, o.completed_at, s.sold_at, g.gross, f.fee, settlement_bp(f.fee, 1100),
                       false, d.day, s.currency
                from payment_operation o
                join sale s on s.tenant_id = o.tenant_id and s.id = o.sale_id
                join store st on st.tenant_id = s.tenant_id and st.id = s.store_id
                cross join lateral (select settlement_business_day(o.completed_at, st.time_zone, '00:00') as day) d
                cross join lateral (select case when o.kind = 'CAPTURE' then o.amount_minor
                                                else -o.amount_minor end as gross) g
                cross join lateral (select case when o.kind = 'CAPTURE' then settlement_fee(g.gross, 190, 0, 500)
                                                else 0 end as fee) f
                where o.actor = 'bench'""").update();
        db.sql("""
                insert into ledger_transaction (tenant_id, id, kind, currency, source_id, sale_id, store_id,
                    occurred_at, recorded_at, actor)
                select tenant_id, operation_id, kind, currency, operation_id, sale_id, store_id, recorded_at,
                       recorded_at, 'bench'
                from settlement_line""").update();
        db.sql("""
                insert into ledger_entry (tenant_id, transaction_id, entry_no, account, amount_minor)
                select l.tenant_id, l.operation_id, e.no, e.account, e.amount from settlement_line l
                cross join lateral (values (1, 'ACQUIRER_RECEIVABLE', l.gross_minor),
                                           (2, 'MERCHANT_PENDING', -l.gross_minor)) as e(no, account, amount)""").update();
    }
}

package id.lapak.bench;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.billing.settlement.SettlementService;
import id.lapak.billing.settlement.SettlementViews.Waterfall;
import id.lapak.tenant.access.Role;
import id.lapak.testing.IntegrationTest;
import id.lapak.testing.TestUsers;
import id.lapak.testing.TestUsers.TestUser;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The waterfall page's query for a tenant with two years of data: 5,000,000 captured sales in one store (about 6,850
 * a day), each settled in its day's batch with a paid payout, one in twenty refunded. Times the waterfall of 20
 * different days as the merchant admin (server time, the service call) after three warm-up calls on other days, and
 * checks the slowest against 300 ms; the cold first call is printed beside it. Run by
 * bench/settlement-waterfall.sh; see bench/README.md.
 */
@IntegrationTest
class SettlementWaterfallBench {

    private static final int SALES = Integer.getInteger("bench.sales", 5_000_000);
    private static final int DAYS = 730;
    private static final int WARM_UP = 3;
    private static final UUID TENANT = UUID.nameUUIDFromBytes("bench-waterfall-tenant".getBytes());
    private static final UUID STORE = UUID.nameUUIDFromBytes("bench-waterfall-store".getBytes());
    private static final LocalDate FIRST = LocalDate.of(2024, 12, 1);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SettlementService settlement;

    @Autowired
    DataSource dataSource;

    @Test
    void theWaterfallOfADayOfTwoYearsIsQuick() {
        long seedStart = System.nanoTime();
        BenchSeed.seed(dataSource, this::seed);
        System.out.printf(
                "BENCH seeded %d sales over %d days in %d ms%n",
                SALES, DAYS, (System.nanoTime() - seedStart) / 1_000_000);
        BenchSeed.run(dataSource, "vacuum analyze");
        var admin = TestUsers.user(TENANT, Set.of(), Role.MERCHANT_ADMIN);
        // A serving node is warm: the first calls load classes and plan caches. The warm-up days are not among the
        // measured ones, so every measured day's rows are read cold from the database.
        long[] warmUp = new long[WARM_UP];
        for (int i = 0; i < warmUp.length; i++) {
            warmUp[i] = waterfall(admin, FIRST.plusDays(3L + i));
        }
        long[] millis = new long[20];
        for (int i = 0; i < millis.length; i++) {
            millis[i] = waterfall(admin, FIRST.plusDays(17L + i * 35L));
        }
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        long max = sorted[sorted.length - 1];
        System.out.printf(
                "BENCH waterfall of one day among %d sales, %d days after %d warm-up calls: p50 %d ms, p95 %d ms,"
                        + " max %d ms; the cold first call %d ms (max with it %d ms)%n",
                SALES,
                millis.length,
                WARM_UP,
                sorted[sorted.length / 2],
                sorted[(int) Math.ceil(sorted.length * 0.95) - 1],
                max,
                warmUp[0],
                Math.max(max, warmUp[0]));
        BenchSeed.hold(dataSource);
        assertThat(max).isLessThanOrEqualTo(300);
    }

    private long waterfall(TestUser admin, LocalDate day) {
        long start = System.nanoTime();
        Waterfall waterfall = TestUsers.as(admin, () -> settlement.waterfall(STORE, day));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(waterfall.steps().stream()
                        .filter(s -> s.key().equals("pending"))
                        .findFirst()
                        .orElseThrow()
                        .amountMinor())
                .isZero();
        assertThat(waterfall.steps().getFirst().amountMinor()).isPositive();
        return millis;
    }

    private void seed(JdbcClient db) {
        db.sql("""
                insert into tenant (id, name, legal_name, country, currency, time_zone, status, created_at)
                values (?, 'Bench Waterfall', 'PT Bench Waterfall', 'ID', 'IDR', 'Asia/Jakarta', 'ACTIVE', now())""").param(TENANT).update();
        db.sql("""
                insert into store (tenant_id, id, name, address, city, time_zone, currency, tax_registered, tax_rate,
                    prices_include_tax, active, created_at, updated_at)
                values (?, ?, 'Toko Dua Tahun', 'Jl. 1', 'Jakarta', 'Asia/Jakarta', 'IDR', true, 11, true, true, now(),
                    now())""").params(TENANT, STORE).update();
        db.sql("""
                insert into device (tenant_id, id, store_id, name, status, public_key, paired_at, config_changed_at)
                values (?, ?, ?, 'Kasir', 'ACTIVE', '\\x00'::bytea, now(), now())""").params(TENANT, STORE, STORE).update();
        db.sql("""
                insert into payout_account (tenant_id, id, bank_code, bank_name, holder_name, account_number, active,
                    created_at, created_by) values (?, ?, '014', 'BCA', 'Toko', '1234567890', true, now(), 'bench')""").params(TENANT, STORE).update();
        // Sales spread evenly over the two years, between 08:00 and 22:00 WIB.
        db.sql("""
                insert into sale (tenant_id, id, store_id, device_id, idempotency_key, request_hash, status, currency,
                    amount_minor, entry_mode, offline, device_time, received_at, sold_at, decided_at, card_brand,
                    authorized_minor, captured_minor)
                select ?, md5('wf-sale-' || g)::uuid, ?, ?, g::text, '\\x00'::bytea, 'CAPTURED', 'IDR',
                       10000 + (g::bigint * 7919) % 990000, 'CHIP', false, at, at, at, at, 'VISA',
                       10000 + (g::bigint * 7919) % 990000, 10000 + (g::bigint * 7919) % 990000
                from generate_series(1, ?) g
                cross join lateral (select (?::date + (g % ?) + time '08:00' + ((g / ?) % 50400) * interval '1 second')
                    at time zone 'Asia/Jakarta' as at) a""").params(TENANT, STORE, STORE, SALES, FIRST, DAYS, DAYS).update();
        db.sql("""
                insert into payment_operation (tenant_id, id, sale_id, kind, status, amount_minor, actor, created_at,
                    completed_at)
                select tenant_id, md5('wf-capture-' || idempotency_key)::uuid, id, 'CAPTURE', 'SUCCEEDED',
                       amount_minor, 'bench', sold_at, sold_at from sale where tenant_id = ?
                union all
                select tenant_id, md5('wf-refund-' || idempotency_key)::uuid, id, 'REFUND', 'SUCCEEDED',
                       amount_minor / 2, 'bench', sold_at + interval '1 hour', sold_at + interval '1 hour'
                from sale where tenant_id = ? and idempotency_key::bigint % 20 = 0""").params(TENANT, TENANT).update();
        db.sql("""
                insert into settlement_batch (tenant_id, id, payout_account_id, currency, business_day, closed_at,
                    line_count, late_count, gross_minor, refunds_minor, fees_minor, ppn_minor)
                select ?, settlement_batch_id(?, 'IDR', d::date), ?, 'IDR', d, d + interval '1 day', 0, 0, 0, 0, 0, 0
                from generate_series(?::date, ?::date + ? - 1, interval '1 day') d""").params(TENANT, TENANT, STORE, FIRST, FIRST, DAYS).update();
        db.sql("""
                insert into settlement_line (tenant_id, batch_id, operation_id, sale_id, store_id, kind, brand,
                    recorded_at, sold_at, gross_minor, fee_minor, ppn_minor, late, business_day, currency)
                select o.tenant_id, settlement_batch_id(o.tenant_id, 'IDR', d.day), o.id, o.sale_id, ?, o.kind, 'VISA',
                       o.completed_at, s.sold_at,
                       case when o.kind = 'CAPTURE' then o.amount_minor else -o.amount_minor end, 0, 0, false, d.day,
                       'IDR'
                from payment_operation o join sale s on s.tenant_id = o.tenant_id and s.id = o.sale_id
                cross join lateral (select (o.completed_at at time zone 'Asia/Jakarta')::date as day) d
                where o.tenant_id = ?""").params(STORE, TENANT).update();
        db.sql("""
                insert into payout (tenant_id, id, batch_id, payout_account_id, currency, amount_minor, expected_on,
                    status, created_at, status_changed_at)
                select tenant_id, gen_random_uuid(), id, payout_account_id, 'IDR', 1, business_day + 1, 'PAID', now(),
                       now() from settlement_batch where tenant_id = ?""").param(TENANT).update();
    }
}

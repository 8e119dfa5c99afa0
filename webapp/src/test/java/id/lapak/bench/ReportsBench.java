package id.lapak.bench;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.reports.Figures;
import id.lapak.reports.ReportFilter;
import id.lapak.reports.ReportRollups;
import id.lapak.reports.ReportService;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.testing.IntegrationTest;
import id.lapak.testing.TestUsers;
import id.lapak.testing.TestUsers.TestUser;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reports at scale: one tenant with 20 stores, 1,000 items and {@code bench.sales} sales (5,000,000 by default) over
 * two years up to the moment it runs (today's sales so far included), one or two lines each, one in twenty refunded,
 * plus 50 small tenants. Rolls the days up once (today's up to an hour back, as the job does), then
 * times as the merchant admin (server time of the service call) the dashboard's period totals and each report for 30
 * days and for a year, each beside the same figures computed by a plain scan of the sales tables in the same run
 * (what a report view over the order lines does). Run by bench/reports.sh; see bench/README.md ("Reports").
 */
@IntegrationTest
class ReportsBench {

    private static final int SALES = Integer.getInteger("bench.sales", 5_000_000);
    private static final int DAYS = Integer.getInteger("bench.days", 730);
    private static final int STORES = 20;
    private static final int ITEMS = 1_000;
    private static final UUID TENANT = UUID.nameUUIDFromBytes("bench-reports-tenant".getBytes());
    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    @Autowired
    PlatformAccess platform;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    ReportService reports;

    @Autowired
    ReportRollups rollups;

    @Autowired
    id.lapak.reports.SaleExport export;

    @Test
    void dashboardAndReportsStayFastOverTwoYears() {
        long seedStart = System.nanoTime();
        platform.run("bench: seed reports", this::seed);
        System.out.printf(
                "BENCH seeded %d sales (%d stores, %d items, %d days) in %d ms%n",
                SALES, STORES, ITEMS, DAYS, (System.nanoTime() - seedStart) / 1_000_000);
        // As the owner (the application role may not analyze), and vacuumed as well: a production database's tables
        // are, while a fresh seed left to autovacuum has it vacuuming millions of rows during the measurements.
        BenchSeed.run(dataSource, "vacuum analyze");
        long rollStart = System.nanoTime();
        int days = rollups.rollDue(TENANT);
        System.out.printf(
                "BENCH rolled up %d store days in %d ms%n", days, (System.nanoTime() - rollStart) / 1_000_000);
        BenchSeed.run(dataSource, "vacuum analyze");
        BenchSeed.hold(dataSource);

        TestUser admin = TestUsers.user(TENANT, Set.of(), Role.MERCHANT_ADMIN);
        LocalDate today = LocalDate.now(WIB);
        ReportFilter month = ReportFilter.days(today.minusDays(29), today);
        ReportFilter year = ReportFilter.days(today.minusDays(364), today);

        // Dashboard period totals: today, this week, this month, each beside the previous period.
        List<ReportFilter> periods =
                List.of(ReportFilter.days(today, today), ReportFilter.days(today.minusDays(6), today), month);
        // Warmed up first, as a serving node is: the first calls pay for class loading, the JIT and the driver's
        // statement preparation, which a p95 over a few calls would otherwise measure.
        for (int i = 0; i < 60; i++) {
            ReportFilter period = periods.get(i % periods.size());
            TestUsers.as(admin, () -> reports.compare(period));
        }
        long[] dashboard = new long[300];
        for (int i = 0; i < dashboard.length; i++) {
            ReportFilter period = periods.get(i % periods.size());
            dashboard[i] = time(() -> TestUsers.as(admin, () -> reports.compare(period)));
        }
        long p95 = percentile(dashboard, 95);
        // The fixed cost of any report call around its statement: the security check, the transaction with its
        // tenant seal (two round trips), the tenant's currency and the commit, with no report statement.
        long[] fixed = new long[100];
        for (int i = 0; i < fixed.length; i++) {
            fixed[i] = time(() -> TestUsers.as(admin, () -> reports.scopeOf(month)));
        }
        System.out.printf(
                "BENCH   a report call without its statement (security, transaction, tenant seal): p50 %.2f ms%n",
                ms(percentile(fixed, 50)));
        System.out.printf(
                "BENCH dashboard period totals (with the previous period): p50 %.2f ms, p95 %.2f ms "
                        + "(limit 10 ms, ratio %.2f)%n",
                ms(percentile(dashboard, 50)), ms(p95), ms(p95) / 10.0);
        String[] names = {"today", "this week", "30 days"};
        for (int k = 0; k < periods.size(); k++) {
            long[] one = new long[dashboard.length / periods.size()];
            for (int i = 0; i < one.length; i++) {
                one[i] = dashboard[i * periods.size() + k];
            }
            long[] live = new long[10];
            ReportFilter period = periods.get(k);
            ReportFilter ended =
                    period.withDays(period.from().minusDays(1), period.to().minusDays(1));
            for (int i = 0; i < live.length; i++) {
                live[i] = time(() -> TestUsers.as(admin, () -> reports.summary(ended)));
            }
            System.out.printf(
                    "BENCH   %-9s: compare p50 %.2f ms, p95 %.2f ms; the same days shifted to end yesterday, "
                            + "summary alone p50 %.2f ms%n",
                    names[k], ms(percentile(one, 50)), ms(percentile(one, 95)), ms(percentile(live, 50)));
        }

        Figures fromRollups = TestUsers.as(admin, () -> reports.summary(year));
        long[] plain = {0};
        long plainMonth = time(() -> plain[0] = plainSummary(month));
        long plainYear = time(() -> plain[0] = plainSummary(year));
        assertThat(plain[0]).as("the plain scan finds the same captured total").isEqualTo(fromRollups.capturedMinor());
        long plainItemsYear = time(() -> plainItems(year));

        List<String> failures = new ArrayList<>();
        for (String report : List.of(
                "summary",
                "byDay",
                "byHour",
                "byItem",
                "byCategory",
                "byStore",
                "byDevice",
                "byPaymentMethod",
                "tax")) {
            long m = median(() -> TestUsers.as(admin, () -> run(report, month)));
            long y = median(() -> TestUsers.as(admin, () -> run(report, year)));
            long plainM = report.startsWith("byItem") || report.equals("byCategory") ? -1 : plainMonth;
            System.out.printf(
                    "BENCH report %-16s 30 days %7.1f ms (limit 1000, ratio %.3f) · a year %7.1f ms "
                            + "(limit 2000, ratio %.3f) · plain scan of the sales: 30 days %s, a year %.1f ms%n",
                    report,
                    ms(m),
                    ms(m) / 1000,
                    ms(y),
                    ms(y) / 2000,
                    plainM < 0 ? "-" : "%.1f ms".formatted(ms(plainM)),
                    ms(report.startsWith("byItem") || report.equals("byCategory") ? plainItemsYear : plainYear));
            if (ms(m) > 1000 || ms(y) > 2000) {
                failures.add(report);
            }
        }
        // Every sale of two years streamed as CSV, with the heap watched while it runs.
        ReportFilter twoYears = ReportFilter.days(today.minusDays(DAYS), today);
        long[] chars = {0};
        java.io.Writer sink = new java.io.Writer() {
            @Override
            public void write(char[] buffer, int offset, int length) {
                chars[0] += length;
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        long heapBefore = runtime.totalMemory() - runtime.freeMemory();
        long[] peak = {heapBefore};
        Thread watcher = Thread.ofVirtual().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak[0] = Math.max(peak[0], runtime.totalMemory() - runtime.freeMemory());
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long[] rows = {0};
        long exportNanos = time(() -> rows[0] = TestUsers.as(admin, () -> export.write(twoYears, sink, key -> key)));
        watcher.interrupt();
        System.out.printf(
                "BENCH streamed CSV export of every sale: %d rows, %d MB of text in %.1f s; heap grew by at "
                        + "most %d MB (max heap %d MB)%n",
                rows[0],
                chars[0] / 1_000_000,
                exportNanos / 1e9,
                (peak[0] - heapBefore) / 1_000_000,
                runtime.maxMemory() / 1_000_000);
        assertThat(failures).as("reports over their limit").isEmpty();
        assertThat(ms(p95)).as("dashboard p95 ms").isLessThanOrEqualTo(10.0);
    }

    private Object run(String report, ReportFilter filter) {
        return switch (report) {
            case "summary" -> reports.summary(filter);
            case "byDay" -> reports.byDay(filter);
            case "byHour" -> reports.byHour(filter);
            case "byItem" -> reports.byItem(filter);
            case "byCategory" -> reports.byCategory(filter);
            case "byStore" -> reports.byStore(filter);
            case "byDevice" -> reports.byDevice(filter);
            case "byPaymentMethod" -> reports.byPaymentMethod(filter);
            case "tax" -> reports.tax(filter);
            default -> throw new IllegalArgumentException(report);
        };
    }

    /** The sales summary as a plain scan: every sale of the period, grouped on the fly. */
    private long plainSummary(ReportFilter filter) {
        return platform.call(
                "bench: plain summary",
                () -> jdbc.sql("""
                        select coalesce(sum(s.captured_minor), 0) from sale s
                        join store st on st.tenant_id = s.tenant_id and st.id = s.store_id
                        where s.tenant_id = ? and (s.sold_at at time zone st.time_zone)::date between ? and ?""")
                        .params(TENANT, filter.from(), filter.to())
                        .query(Long.class)
                        .single());
    }

    /** Sales by item as a plain scan of the sale lines. */
    private int plainItems(ReportFilter filter) {
        return platform.call(
                "bench: plain items",
                () -> jdbc.sql("""
                        select l.variant_id, sum(l.quantity), sum(l.total_minor) from sale s
                        join store st on st.tenant_id = s.tenant_id and st.id = s.store_id
                        join sale_line l on l.tenant_id = s.tenant_id and l.sale_id = s.id
                        where s.tenant_id = ? and s.captured_minor > 0
                          and (s.sold_at at time zone st.time_zone)::date between ? and ?
                        group by l.variant_id""")
                        .params(TENANT, filter.from(), filter.to())
                        .query((rs, n) -> 1)
                        .list()
                        .size());
    }

    private static long time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }

    private static long median(Supplier<Object> work) {
        long[] runs = new long[5];
        for (int i = 0; i < runs.length; i++) {
            runs[i] = time(work::get);
        }
        return percentile(runs, 50);
    }

    private static long percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private void seed() {
        jdbc.sql("""
                insert into tenant (id, name, legal_name, country, currency, time_zone, status, created_at)
                values (?, 'Bench Reports', 'PT Bench Reports', 'ID', 'IDR', 'Asia/Jakarta', 'ACTIVE', now())""").param(TENANT).update();
        // 20 stores in the three zones, a device each.
        jdbc.sql("""
                insert into store (tenant_id, id, name, address, city, time_zone, currency, tax_registered, tax_rate,
                    prices_include_tax, active, created_at, updated_at)
                select ?, md5('rb-store-' || g)::uuid, 'Toko ' || g, 'Jl. ' || g, 'Kota',
                       (array['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'])[1 + g % 3], 'IDR', true, 11, true,
                       true, now(), now()
                from generate_series(1, ?) g""").params(TENANT, STORES).update();
        jdbc.sql("""
                insert into device (tenant_id, id, store_id, name, status, public_key, paired_at, config_changed_at)
                select ?, md5('rb-device-' || g)::uuid, md5('rb-store-' || g)::uuid, 'Kasir ' || g, 'ACTIVE',
                       '\\x00'::bytea, now(), now() from generate_series(1, ?) g""").params(TENANT, STORES).update();
        jdbc.sql("insert into catalog_version (tenant_id, version, changed_at) values (?, 1, now())")
                .param(TENANT)
                .update();
        jdbc.sql("""
                insert into tax_category (tenant_id, id, name, kind, catalog_version, updated_at)
                values (?, md5('rb-tax')::uuid, 'PPN', 'STANDARD', 1, now())""").param(TENANT).update();
        jdbc.sql("""
                insert into catalog_category (tenant_id, id, name, catalog_version, updated_at)
                select ?, md5('rb-category-' || g)::uuid, 'Kategori ' || g, 1, now() from generate_series(1, 20) g""").param(TENANT).update();
        jdbc.sql("""
                insert into catalog_item (tenant_id, id, name, category_id, tax_category_id, unit, active,
                    catalog_version, created_at, updated_at)
                select ?, md5('rb-item-' || g)::uuid, 'Barang ' || g, md5('rb-category-' || (1 + g % 20))::uuid,
                       md5('rb-tax')::uuid, 'pcs', true, 1, now(), now() from generate_series(1, ?) g""").params(TENANT, ITEMS).update();
        jdbc.sql("""
                insert into catalog_variant (tenant_id, id, item_id, name, sku, price_minor, active, catalog_version,
                    created_at, updated_at)
                select ?, md5('rb-variant-' || g)::uuid, md5('rb-item-' || g)::uuid, '', 'RB-' || g,
                       5000 + (g * 37) % 95000, true, 1, now(), now() from generate_series(1, ?) g""").params(TENANT, ITEMS).update();
        // Sales spread over the two years up to now, 08:00–22:00 local, across the stores, brands and entry modes.
        jdbc.sql("""
                insert into sale (tenant_id, id, store_id, device_id, idempotency_key, request_hash, status, currency,
                    amount_minor, tax_minor, entry_mode, offline, device_time, received_at, sold_at, decided_at,
                    card_brand, authorized_minor, captured_minor, refunded_minor)
                select ?, md5('rb-sale-' || g)::uuid, md5('rb-store-' || st)::uuid, md5('rb-device-' || st)::uuid,
                       g::text, '\\x00'::bytea, case when g % 20 = 0 then 'PARTIALLY_REFUNDED' else 'CAPTURED' end,
                       'IDR', amount, amount * 11 / 111,
                       (array['CHIP', 'CONTACTLESS', 'SWIPE'])[1 + g % 3], g % 50 = 0, at, at, at, at,
                       (array['VISA', 'MASTERCARD', 'GPN', 'JCB'])[1 + g % 4], amount, amount,
                       case when g % 20 = 0 then amount / 2 else 0 end
                from generate_series(1, ?) g
                cross join lateral (select 1 + g % ? as st,
                                           (5000 + (g * 37) % 95000) + (5000 + ((g + 1) * 37) % 95000) * (g % 2) as amount) x
                cross join lateral (select ((current_date - ? + (g % ?)) + time '08:00'
                                            + ((g / ?) % 50400) * interval '1 second')
                                           at time zone 'Asia/Jakarta' as at) a
                where a.at < now()""").params(TENANT, SALES, STORES, DAYS, DAYS + 1, DAYS + 1).update();
        jdbc.sql("""
                insert into sale_line (tenant_id, sale_id, line_no, variant_id, quantity, unit_price_minor, tax_minor,
                    total_minor)
                select ?, md5('rb-sale-' || g)::uuid, n, md5('rb-variant-' || (1 + (g + n - 1) % ?))::uuid, 1,
                       5000 + ((g + n - 1) * 37) % 95000, (5000 + ((g + n - 1) * 37) % 95000) * 11 / 111,
                       5000 + ((g + n - 1) * 37) % 95000
                from generate_series(1, ?) g cross join generate_series(1, 1 + g % 2) n
                where exists (select 1 from sale s where s.tenant_id = ? and s.id = md5('rb-sale-' || g)::uuid)""").params(TENANT, ITEMS, SALES, TENANT).update();
        // 50 small tenants with a store and a few sales each.
        jdbc.sql("""
                insert into tenant (id, name, legal_name, country, currency, time_zone, status, created_at)
                select md5('rb-small-' || t)::uuid, 'Kecil ' || t, 'CV Kecil ' || t, 'ID', 'IDR', 'Asia/Jakarta',
                       'ACTIVE', now() from generate_series(1, 50) t""").update();
        jdbc.sql("""
                insert into store (tenant_id, id, name, address, city, time_zone, currency, tax_registered, tax_rate,
                    prices_include_tax, active, created_at, updated_at)
                select md5('rb-small-' || t)::uuid, md5('rb-small-store-' || t)::uuid, 'Warung ' || t, 'Jl. 1', 'Kota',
                       'Asia/Jakarta', 'IDR', false, 0, true, true, now(), now() from generate_series(1, 50) t""").update();
        jdbc.sql("""
                insert into device (tenant_id, id, store_id, name, status, public_key, paired_at, config_changed_at)
                select md5('rb-small-' || t)::uuid, md5('rb-small-store-' || t)::uuid, md5('rb-small-store-' || t)::uuid,
                       'Kasir', 'ACTIVE', '\\x00'::bytea, now(), now() from generate_series(1, 50) t""").update();
        jdbc.sql("""
                insert into sale (tenant_id, id, store_id, device_id, idempotency_key, request_hash, status, currency,
                    amount_minor, entry_mode, offline, device_time, received_at, sold_at, decided_at, card_brand,
                    authorized_minor, captured_minor)
                select md5('rb-small-' || t)::uuid, md5('rb-small-sale-' || t || '-' || g)::uuid,
                       md5('rb-small-store-' || t)::uuid, md5('rb-small-store-' || t)::uuid, g::text, '\\x00'::bytea,
                       'CAPTURED', 'IDR', 20000, 'CHIP', false, at, at, at, at, 'VISA', 20000, 20000
                from generate_series(1, 50) t cross join generate_series(1, 200) g
                cross join lateral (select now() - (g || ' hours')::interval * 3 as at) a""").update();
    }
}

package id.lapak.demo;

import id.lapak.billing.settlement.SettlementCloser;
import id.lapak.tenant.context.PlatformAccess;
import java.nio.charset.StandardCharsets;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A few settled days for a demo tenant, so a newcomer finds the Settlement page filled: a pricing plan, a payout
 * account, card sales of the last four days in each store (a refund, a void and an offline sale uploaded a day
 * later among them) recorded by a retired demo till, then the days closed by the real close of day. Sales name one
 * of the store's few cashiers (now and then none, as a device that reports no operator) and some lines carry a
 * discount. Written once: nothing is added when the tenant has a closed day already.
 */
final class DemoSettlement {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final String[] BRANDS = {"VISA", "MASTERCARD", "GPN", "JCB", "VISA", "GPN"};
    private static final String[] MODES = {"CONTACTLESS", "CHIP", "CONTACTLESS", "SWIPE", "CONTACTLESS"};
    private static final int[] PEAK_HOURS = {8, 11, 12, 12, 13, 13, 15, 17, 18, 19, 19, 20};
    /** The cashiers of each store (by the store's position): the device's operator code and name. */
    private static final String[][][] CASHIERS = {
        {{"K-01", "Sari"}, {"K-02", "Budi"}, {"K-03", "Dewi"}},
        {{"K-11", "Agus"}, {"K-12", "Rina"}},
        {{"K-21", "Wati"}, {"K-22", "Yoga"}}
    };
    /** Days of sales before today (today's sales up to now come on top). */
    static final int DAYS = 27;
    /** The demo menu: name, category, price. */
    private static final String[][] MENU = {
        {"Kopi Susu Gula Aren", "Minuman", "22000"}, {"Es Teh Manis", "Minuman", "8000"},
        {"Americano", "Minuman", "20000"}, {"Matcha Latte", "Minuman", "28000"},
        {"Nasi Goreng Kampung", "Makanan", "35000"}, {"Mie Ayam", "Makanan", "25000"},
        {"Roti Bakar Keju", "Makanan", "18000"}, {"Pisang Goreng", "Makanan", "12000"}
    };

    private final PlatformAccess platform;
    private final JdbcClient jdbc;
    private final SettlementCloser closer;

    DemoSettlement(PlatformAccess platform, JdbcClient jdbc, SettlementCloser closer) {
        this.platform = platform;
        this.jdbc = jdbc;
        this.closer = closer;
    }

    /** Seeds and closes the demo days before {@code now}; false when the tenant had settled days already. */
    boolean seed(UUID tenant, List<UUID> stores, Instant now) {
        boolean fresh = platform.call("demo data: settled days", () -> {
            if (jdbc.sql("select count(*) from settlement_batch where tenant_id = ?")
                            .param(tenant)
                            .query(Long.class)
                            .single()
                    > 0) {
                return false;
            }
            planAndAccount(tenant, now);
            LocalDate today = LocalDate.ofInstant(now, WIB);
            List<long[]> menu = menu(tenant, now);
            for (int s = 0; s < stores.size(); s++) {
                storeSales(tenant, stores.get(s), s, menu, today, now);
            }
            return true;
        });
        if (fresh) {
            closer.close(tenant, now);
        }
        return fresh;
    }

    /** The store's retired demo till and its card sales of the last {@link #DAYS} days and of today up to now. */
    private void storeSales(UUID tenant, UUID store, int s, List<long[]> menu, LocalDate today, Instant now) {
        UUID device = retiredTill(tenant, store, now);
        for (int back = DAYS; back >= 0; back--) {
            LocalDate day = today.minusDays(back);
            // Busier at weekends and in the bigger store; lunch and evening peaks.
            int count = 6 + (day.getDayOfWeek().getValue() >= 6 ? 6 : 0) + (s == 0 ? 3 : 0) + (back * 5 + s) % 4;
            for (int i = 0; i < count; i++) {
                int hour = PEAK_HOURS[(i * 7 + back + s) % PEAK_HOURS.length];
                Instant sold =
                        day.atTime(hour, (i * 11 + back * 3) % 60).atZone(WIB).toInstant();
                if (!sold.isBefore(now)) {
                    continue;
                }
                UUID sale = id("sale", store, back * 100 + i);
                List<long[]> lines = basket(menu, back, i, s);
                long amount = lines.isEmpty()
                        ? 25_000L + ((back * 7L + i * 13L) % 20) * 7_500L
                        : lines.stream().mapToLong(l -> l[1] * l[2] - l[3]).sum();
                // Now and then the day's last sale was offline and reached Lapak the next morning.
                boolean offline = i == count - 1 && back % 9 == 4;
                Instant recorded =
                        offline ? day.plusDays(1).atTime(8, 30).atZone(WIB).toInstant() : sold;
                if (recorded.isAfter(now)) {
                    recorded = now;
                }
                boolean voided = i == 3 && back % 6 == 2;
                sale(
                        tenant,
                        store,
                        device,
                        sale,
                        amount,
                        sold,
                        recorded,
                        BRANDS[(back + i + s) % BRANDS.length],
                        MODES[(i + back) % MODES.length],
                        voided,
                        lines,
                        i % 7 == 6
                                ? null
                                : CASHIERS[s % CASHIERS.length][(i + back) % CASHIERS[s % CASHIERS.length].length]);
                if (i == 1 && back % 5 == 3) {
                    refund(tenant, sale, amount / 2, sold.plus(Duration.ofHours(3)));
                }
            }
        }
    }

    /** The retired demo till that recorded the store's sales. */
    private UUID retiredTill(UUID tenant, UUID store, Instant now) {
        UUID device = id("device", store, 0);
        jdbc.sql("""
                insert into device (tenant_id, id, store_id, name, status, public_key, paired_at,
                    config_changed_at, status_reason, status_changed_at)
                values (?, ?, ?, 'Kasir demo (riwayat)', 'RETIRED', '\\x00'::bytea, ?, ?, 'demo data', ?)
                on conflict do nothing""")
                .params(tenant, device, store, time(now.minus(Duration.ofDays(40))), time(now), time(now))
                .update();
        return device;
    }

    private void planAndAccount(UUID tenant, Instant now) {
        UUID plan = id("plan", tenant, 0);
        jdbc.sql("""
                insert into pricing_plan (tenant_id, id, effective_from, currency, min_fee_minor, ppn_bp, recorded_at,
                    recorded_by) values (?, ?, '2026-01-01', 'IDR', 500, 1100, ?, 'demo data')
                on conflict do nothing""").params(tenant, plan, time(now)).update();
        jdbc.sql("""
                insert into pricing_rate (tenant_id, plan_id, brand, rate_bp, fixed_minor)
                select ?, ?, b, r, 0 from (values ('VISA', 180), ('MASTERCARD', 180), ('JCB', 200), ('AMEX', 290),
                    ('UNIONPAY', 200), ('GPN', 100), ('QRIS', 70)) v(b, r)
                on conflict do nothing""").params(tenant, plan).update();
        if (jdbc.sql("select count(*) from payout_account where tenant_id = ? and active")
                        .param(tenant)
                        .query(Long.class)
                        .single()
                == 0) {
            jdbc.sql("""
                    insert into payout_account (tenant_id, id, bank_code, bank_name, holder_name, account_number,
                        active, created_at, created_by)
                    values (?, ?, '014', 'BCA', (select legal_name from tenant where id = ?), '8830012345', true, ?,
                        'demo data')""")
                    .params(tenant, id("account", tenant, 0), tenant, time(now))
                    .update();
        }
    }

    /**
     * The demo menu of the tenant, written once (categories, PPN, items with one variant each); each entry is
     * {variant index, price}. Empty when the tenant has a catalog of its own already.
     */
    private List<long[]> menu(UUID tenant, Instant now) {
        if (jdbc.sql("select count(*) from catalog_item where tenant_id = ?")
                        .param(tenant)
                        .query(Long.class)
                        .single()
                > 0) {
            return List.of();
        }
        jdbc.sql("""
                insert into catalog_version (tenant_id, version, changed_at) values (?, 1, ?)
                on conflict (tenant_id) do nothing""").params(tenant, time(now)).update();
        UUID tax = id("tax", tenant, 0);
        jdbc.sql("""
                insert into tax_category (tenant_id, id, name, kind, catalog_version, updated_at)
                values (?, ?, 'PPN', 'STANDARD', 1, ?)""").params(tenant, tax, time(now)).update();
        List<long[]> menu = new ArrayList<>();
        for (int i = 0; i < MENU.length; i++) {
            UUID category = id("category", tenant, MENU[i][1].hashCode());
            jdbc.sql("""
                    insert into catalog_category (tenant_id, id, name, catalog_version, updated_at)
                    values (?, ?, ?, 1, ?) on conflict do nothing""").params(tenant, category, MENU[i][1], time(now)).update();
            UUID item = id("item", tenant, i);
            jdbc.sql("""
                    insert into catalog_item (tenant_id, id, name, category_id, tax_category_id, unit, active,
                        catalog_version, created_at, updated_at)
                    values (?, ?, ?, ?, ?, 'porsi', true, 1, ?, ?)""")
                    .params(tenant, item, MENU[i][0], category, tax, time(now), time(now))
                    .update();
            long price = Long.parseLong(MENU[i][2]);
            jdbc.sql("""
                    insert into catalog_variant (tenant_id, id, item_id, name, sku, price_minor, active, catalog_version,
                        created_at, updated_at)
                    values (?, ?, ?, '', ?, ?, true, 1, ?, ?)""")
                    .params(tenant, id("variant", tenant, i), item, "DEMO-" + (i + 1), price, time(now), time(now))
                    .update();
            menu.add(new long[] {i, price});
        }
        return menu;
    }

    /**
     * A basket of one to three menu lines: {variant index, quantity, unit price, discount}; every fifth basket has
     * 10 % off its first line (in whole thousands of rupiah).
     */
    private static List<long[]> basket(List<long[]> menu, int back, int i, int store) {
        if (menu.isEmpty()) {
            return List.of();
        }
        List<long[]> lines = new ArrayList<>();
        int size = 1 + (back + i + store) % 3;
        for (int n = 0; n < size; n++) {
            long[] entry = menu.get((i * 3 + n * 5 + back + store) % menu.size());
            if (lines.stream().noneMatch(l -> l[0] == entry[0])) {
                long quantity = 1 + (i + n) % 2;
                long discount = n == 0 && (back + i + store) % 5 == 0 ? quantity * entry[1] / 10 / 1000 * 1000 : 0;
                lines.add(new long[] {entry[0], quantity, entry[1], discount});
            }
        }
        return lines;
    }

    private void sale(
            UUID tenant,
            UUID store,
            UUID device,
            UUID sale,
            long amount,
            Instant sold,
            Instant recorded,
            String brand,
            String mode,
            boolean voided,
            List<long[]> lines,
            String[] cashier) {
        long tax = lines.stream()
                .mapToLong(l -> Math.round((l[1] * l[2] - l[3]) * 11 / 111.0))
                .sum();
        long discount = lines.stream().mapToLong(l -> l[3]).sum();
        jdbc.sql("""
                insert into sale (tenant_id, id, store_id, device_id, idempotency_key, request_hash, status, currency,
                    amount_minor, tax_minor, entry_mode, offline, device_time, received_at, sold_at, decided_at,
                    card_brand, masked_pan, pan_last4, authorized_minor, captured_minor, cashier_code, cashier_name,
                    discount_minor)
                values (?, ?, ?, ?, ?, '\\x00'::bytea, ?, 'IDR', ?, ?, ?, ?, ?, ?, ?, ?, ?, '411111******1111',
                    '1111', ?, ?, ?, ?, ?)""")
                .params(
                        tenant,
                        sale,
                        store,
                        device,
                        "demo-" + sale,
                        voided ? "VOIDED" : "CAPTURED",
                        amount,
                        tax,
                        mode,
                        !sold.equals(recorded),
                        time(sold),
                        time(recorded),
                        time(sold),
                        time(recorded),
                        brand,
                        amount,
                        voided ? 0 : amount,
                        text(cashier == null ? null : cashier[0]),
                        text(cashier == null ? null : cashier[1]),
                        new SqlParameterValue(Types.BIGINT, discount == 0 ? null : discount))
                .update();
        saleLines(tenant, sale, lines);
        operation(tenant, sale, "AUTHORIZE", amount, recorded, 1);
        operation(tenant, sale, voided ? "VOID" : "CAPTURE", amount, recorded, 2);
    }

    /** The basket lines of the sale: {variant index, quantity, unit price, discount} each. */
    private void saleLines(UUID tenant, UUID sale, List<long[]> lines) {
        for (int n = 0; n < lines.size(); n++) {
            long[] line = lines.get(n);
            long total = line[1] * line[2] - line[3];
            jdbc.sql("""
                    insert into sale_line (tenant_id, sale_id, line_no, variant_id, description, quantity,
                        unit_price_minor, tax_minor, total_minor, discount_minor)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            tenant,
                            sale,
                            n + 1,
                            id("variant", tenant, (int) line[0]),
                            MENU[(int) line[0]][0],
                            line[1],
                            line[2],
                            Math.round(total * 11 / 111.0),
                            total,
                            new SqlParameterValue(Types.BIGINT, line[3] == 0 ? null : line[3]))
                    .update();
        }
    }

    private void refund(UUID tenant, UUID sale, long amount, Instant at) {
        jdbc.sql("update sale set refunded_minor = ?, status = 'PARTIALLY_REFUNDED' where tenant_id = ? and id = ?")
                .params(amount, tenant, sale)
                .update();
        operation(tenant, sale, "REFUND", amount, at, 3);
    }

    private void operation(UUID tenant, UUID sale, String kind, long amount, Instant at, int n) {
        jdbc.sql("""
                insert into payment_operation (tenant_id, id, sale_id, kind, status, amount_minor, actor, created_at,
                    completed_at, reason) values (?, ?, ?, ?, 'SUCCEEDED', ?, 'device Kasir demo (riwayat)', ?, ?, ?)""")
                .params(
                        tenant,
                        id("operation", sale, n),
                        sale,
                        kind,
                        amount,
                        time(at),
                        time(at),
                        kind.equals("REFUND") ? "Barang dikembalikan" : null)
                .update();
    }

    private static UUID id(String what, UUID of, int n) {
        return UUID.nameUUIDFromBytes(
                ("demo-settlement/" + what + "/" + of + "/" + n).getBytes(StandardCharsets.US_ASCII));
    }

    private static SqlParameterValue text(String value) {
        return new SqlParameterValue(Types.VARCHAR, value);
    }

    private static SqlParameterValue time(Instant instant) {
        return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}

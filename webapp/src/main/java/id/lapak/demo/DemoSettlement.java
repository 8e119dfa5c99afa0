package id.lapak.demo;

import java.nio.charset.StandardCharsets;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import id.lapak.billing.settlement.SettlementCloser;
import id.lapak.tenant.context.PlatformAccess;

import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A few settled days for a demo tenant, so a newcomer finds the Settlement page filled: a pricing plan, a payout
 * account, card sales of the last four days in each store (a refund, a void and an offline sale uploaded a day
 * later among them) recorded by a retired demo till, then the days closed by the real close of day. Written once:
 * nothing is added when the tenant has a closed day already.
 */
final class DemoSettlement {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final String[] BRANDS = {"VISA", "MASTERCARD", "GPN", "JCB"};

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
            if (jdbc.sql("select count(*) from settlement_batch where tenant_id = ?").param(tenant)
                    .query(Long.class).single() > 0) {
                return false;
            }
            planAndAccount(tenant, now);
            LocalDate today = LocalDate.ofInstant(now, WIB);
            for (UUID store : stores) {
                UUID device = id("device", store, 0);
                jdbc.sql("""
                        insert into device (tenant_id, id, store_id, name, status, public_key, paired_at,
                            config_changed_at, status_reason, status_changed_at)
                        values (?, ?, ?, 'Kasir demo (riwayat)', 'RETIRED', '\\x00'::bytea, ?, ?, 'demo data', ?)
                        on conflict do nothing""")
                        .params(tenant, device, store, time(now.minus(Duration.ofDays(30))), time(now), time(now))
                        .update();
                for (int back = 4; back >= 1; back--) {
                    LocalDate day = today.minusDays(back);
                    for (int i = 0; i < 6; i++) {
                        Instant sold = day.atTime(9 + i * 2, 15 + i).atZone(WIB).toInstant();
                        long amount = 25_000L + ((back * 7L + i * 13L) % 20) * 7_500L;
                        // The last sale of the oldest day was offline and reached Lapak the next morning.
                        Instant recorded = back == 4 && i == 5 ? sold.plus(Duration.ofHours(14)) : sold;
                        UUID sale = id("sale", store, back * 10 + i);
                        boolean voided = i == 3 && back == 2;
                        sale(tenant, store, device, sale, amount, sold, recorded, BRANDS[(back + i) % BRANDS.length],
                                voided);
                        if (i == 1 && back == 3) {
                            refund(tenant, sale, amount / 2, sold.plus(Duration.ofHours(3)));
                        }
                    }
                }
            }
            return true;
        });
        if (fresh) {
            closer.close(tenant, now);
        }
        return fresh;
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
        if (jdbc.sql("select count(*) from payout_account where tenant_id = ? and active").param(tenant)
                .query(Long.class).single() == 0) {
            jdbc.sql("""
                    insert into payout_account (tenant_id, id, bank_code, bank_name, holder_name, account_number,
                        active, created_at, created_by)
                    values (?, ?, '014', 'BCA', (select legal_name from tenant where id = ?), '8830012345', true, ?,
                        'demo data')""").params(tenant, id("account", tenant, 0), tenant, time(now)).update();
        }
    }

    private void sale(UUID tenant, UUID store, UUID device, UUID sale, long amount, Instant sold, Instant recorded,
                      String brand, boolean voided) {
        jdbc.sql("""
                insert into sale (tenant_id, id, store_id, device_id, idempotency_key, request_hash, status, currency,
                    amount_minor, entry_mode, offline, device_time, received_at, sold_at, decided_at, card_brand,
                    masked_pan, pan_last4, authorized_minor, captured_minor)
                values (?, ?, ?, ?, ?, '\\x00'::bytea, ?, 'IDR', ?, 'CONTACTLESS', ?, ?, ?, ?, ?, ?, '411111******1111',
                    '1111', ?, ?)""")
                .params(tenant, sale, store, device, "demo-" + sale, voided ? "VOIDED" : "CAPTURED", amount,
                        !sold.equals(recorded), time(sold), time(recorded), time(sold), time(recorded), brand, amount,
                        voided ? 0 : amount)
                .update();
        operation(tenant, sale, "AUTHORIZE", amount, recorded, 1);
        operation(tenant, sale, voided ? "VOID" : "CAPTURE", amount, recorded, 2);
    }

    private void refund(UUID tenant, UUID sale, long amount, Instant at) {
        jdbc.sql("update sale set refunded_minor = ?, status = 'PARTIALLY_REFUNDED' where tenant_id = ? and id = ?")
                .params(amount, tenant, sale).update();
        operation(tenant, sale, "REFUND", amount, at, 3);
    }

    private void operation(UUID tenant, UUID sale, String kind, long amount, Instant at, int n) {
        jdbc.sql("""
                insert into payment_operation (tenant_id, id, sale_id, kind, status, amount_minor, actor, created_at,
                    completed_at, reason) values (?, ?, ?, ?, 'SUCCEEDED', ?, 'device Kasir demo (riwayat)', ?, ?, ?)""")
                .params(tenant, id("operation", sale, n), sale, kind, amount, time(at), time(at),
                        kind.equals("REFUND") ? "Barang dikembalikan" : null)
                .update();
    }

    private static UUID id(String what, UUID of, int n) {
        return UUID.nameUUIDFromBytes(("demo-settlement/" + what + "/" + of + "/" + n)
                .getBytes(StandardCharsets.US_ASCII));
    }

    private static SqlParameterValue time(Instant instant) {
        return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}

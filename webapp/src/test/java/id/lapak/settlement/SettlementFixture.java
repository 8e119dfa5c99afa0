package id.lapak.settlement;

import id.lapak.tenant.NewTenant;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.context.PlatformAccess;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes what the payment path stores (tenant, stores in chosen zones, a device, sales and their payment
 * operations) straight into the database, so settlement tests choose every time stamp, including late uploads.
 */
public final class SettlementFixture {

    private final TenantDirectory tenants;
    private final PlatformAccess platform;
    private final JdbcClient jdbc;

    public SettlementFixture(TenantDirectory tenants, PlatformAccess platform, JdbcClient jdbc) {
        this.tenants = tenants;
        this.platform = platform;
        this.jdbc = jdbc;
    }

    public UUID tenant(String name) {
        UUID tenant = UUID.randomUUID();
        tenants.createIfMissing(
                new NewTenant(tenant, name + " " + tenant, "PT " + name, "ID", null, null), "test setup");
        return tenant;
    }

    /** A store in {@code zone} with one device; returns the store id (the device id is the store id's twin). */
    public UUID store(UUID tenant, String name, String zone) {
        UUID store = UUID.randomUUID();
        platform.run("test setup: store", () -> {
            jdbc.sql("""
                    insert into store (tenant_id, id, name, address, city, time_zone, currency, tax_registered,
                        tax_rate, prices_include_tax, active, created_at, updated_at)
                    values (?, ?, ?, 'Jl. Satu 1', 'Kota', ?, 'IDR', true, 11, true, true, now(), now())""").params(tenant, store, name + " " + store, zone).update();
            jdbc.sql("""
                    insert into device (tenant_id, id, store_id, name, status, public_key, paired_at,
                        config_changed_at)
                    values (?, ?, ?, 'Kasir 1', 'ACTIVE', '\\x00'::bytea, now(), now())""").params(tenant, device(store), store).update();
        });
        return store;
    }

    public static UUID device(UUID store) {
        return UUID.nameUUIDFromBytes(("device/" + store).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** A plan effective from {@code from}: the same rate and fixed fee for every brand. */
    public void plan(UUID tenant, LocalDate from, int rateBp, long fixed, long minimum, int ppnBp) {
        UUID plan = UUID.randomUUID();
        platform.run("test setup: pricing plan", () -> {
            jdbc.sql("""
                    insert into pricing_plan (tenant_id, id, effective_from, currency, min_fee_minor, ppn_bp,
                        recorded_at, recorded_by) values (?, ?, ?, 'IDR', ?, ?, now(), 'test')""").params(tenant, plan, from, minimum, ppnBp).update();
            jdbc.sql("""
                    insert into pricing_rate (tenant_id, plan_id, brand, rate_bp, fixed_minor)
                    select ?, ?, b, ?, ? from unnest(array['VISA','MASTERCARD','JCB','AMEX','UNIONPAY','GPN','QRIS',
                        'UNKNOWN']) b""").params(tenant, plan, rateBp, fixed).update();
        });
    }

    public UUID payoutAccount(UUID tenant) {
        UUID account = UUID.randomUUID();
        platform.run(
                "test setup: payout account",
                () -> jdbc.sql("""
                insert into payout_account (tenant_id, id, bank_code, bank_name, holder_name, account_number, active,
                    created_at, created_by) values (?, ?, '014', 'BCA', 'Toko Uji', '1234567890', true, now(), 'test')""").params(tenant, account).update());
        return account;
    }

    /**
     * A captured card sale of {@code amount}, sold at {@code soldAt} and recorded (captured) at {@code recordedAt}
     * (later for an offline sale uploaded afterwards); returns the sale id.
     */
    public UUID capturedSale(UUID tenant, UUID store, long amount, Instant soldAt, Instant recordedAt) {
        UUID sale = UUID.randomUUID();
        platform.run("test setup: sale", () -> {
            jdbc.sql("""
                    insert into sale (tenant_id, id, store_id, device_id, idempotency_key, request_hash, status,
                        currency, amount_minor, entry_mode, offline, device_time, received_at, sold_at, decided_at,
                        card_brand, authorized_minor, captured_minor)
                    values (?, ?, ?, ?, ?, '\\x00'::bytea, 'CAPTURED', 'IDR', ?, 'CHIP', ?, ?, ?, ?, ?, 'VISA', ?, ?)""")
                    .params(
                            tenant,
                            sale,
                            store,
                            device(store),
                            sale.toString(),
                            amount,
                            !soldAt.equals(recordedAt),
                            time(soldAt),
                            time(recordedAt),
                            time(soldAt),
                            time(recordedAt),
                            amount,
                            amount)
                    .update();
            operation(tenant, sale, "AUTHORIZE", amount, recordedAt);
            operation(tenant, sale, "CAPTURE", amount, recordedAt);
        });
        return sale;
    }

    public UUID refund(UUID tenant, UUID sale, long amount, Instant at) {
        return platform.call("test setup: refund", () -> {
            jdbc.sql("update sale set refunded_minor = refunded_minor + ?, status = 'PARTIALLY_REFUNDED' "
                            + "where tenant_id = ? and id = ?")
                    .params(amount, tenant, sale)
                    .update();
            return operation(tenant, sale, "REFUND", amount, at);
        });
    }

    /** A chargeback (or its reversal) the acquirer notified for a captured sale. */
    public UUID chargeback(UUID tenant, UUID sale, String kind, long amount, Instant at) {
        return platform.call("test setup: " + kind, () -> operation(tenant, sale, kind, amount, at));
    }

    /**
     * A manual adjustment recorded at {@code at} as the adjustment service records it (the row and its ledger
     * transaction: adjustments against merchant pending), with a chosen time.
     */
    public UUID adjustment(UUID tenant, long amount, Instant at) {
        UUID id = UUID.randomUUID();
        UUID transaction = UUID.randomUUID();
        platform.run("test setup: adjustment", () -> {
            jdbc.sql("""
                    insert into ledger_adjustment (tenant_id, id, currency, amount_minor, reason, created_at, created_by)
                    values (?, ?, 'IDR', ?, 'Koreksi uji', ?, 'test')""").params(tenant, id, amount, time(at)).update();
            jdbc.sql("""
                    insert into ledger_transaction (tenant_id, id, kind, currency, source_id, occurred_at, recorded_at,
                        actor, reason) values (?, ?, 'ADJUSTMENT', 'IDR', ?, ?, ?, 'test', 'Koreksi uji')""").params(tenant, transaction, id, time(at), time(at)).update();
            jdbc.sql("""
                    insert into ledger_entry (tenant_id, transaction_id, entry_no, account, amount_minor)
                    values (?, ?, 1, 'ADJUSTMENTS', ?), (?, ?, 2, 'MERCHANT_PENDING', ?)""")
                    .params(tenant, transaction, amount, tenant, transaction, -amount)
                    .update();
        });
        return id;
    }

    /** A sale that was only authorized and then voided: no money moves. */
    /** The cashier a device reported for the sale (null for none) and the discount on its lines (null for none). */
    public void reportedBy(UUID tenant, UUID sale, String cashierCode, String cashierName, Long discountMinor) {
        platform.run(
                "test setup: cashier and discount",
                () -> jdbc.sql("""
                                update sale set cashier_code = ?, cashier_name = ?, discount_minor = ?
                                where tenant_id = ? and id = ?""")
                        .params(cashierCode, cashierName, discountMinor, tenant, sale)
                        .update());
    }

    public UUID voidedSale(UUID tenant, UUID store, long amount, Instant at) {
        UUID sale = UUID.randomUUID();
        platform.run("test setup: voided sale", () -> {
            jdbc.sql("""
                    insert into sale (tenant_id, id, store_id, device_id, idempotency_key, request_hash, status,
                        currency, amount_minor, entry_mode, offline, device_time, received_at, sold_at, decided_at,
                        card_brand, authorized_minor)
                    values (?, ?, ?, ?, ?, '\\x00'::bytea, 'VOIDED', 'IDR', ?, 'CHIP', false, ?, ?, ?, ?, 'VISA', ?)""")
                    .params(
                            tenant,
                            sale,
                            store,
                            device(store),
                            sale.toString(),
                            amount,
                            time(at),
                            time(at),
                            time(at),
                            time(at),
                            amount)
                    .update();
            operation(tenant, sale, "AUTHORIZE", amount, at);
            operation(tenant, sale, "VOID", amount, at);
        });
        return sale;
    }

    private UUID operation(UUID tenant, UUID sale, String kind, long amount, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into payment_operation (tenant_id, id, sale_id, kind, status, amount_minor, actor, created_at,
                    completed_at) values (?, ?, ?, ?, 'SUCCEEDED', ?, 'test', ?, ?)""").params(tenant, id, sale, kind, amount, time(at), time(at)).update();
        return id;
    }

    static SqlParameterValue time(Instant instant) {
        return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}

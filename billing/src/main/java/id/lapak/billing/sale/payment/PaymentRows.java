package id.lapak.billing.sale.payment;

import static id.lapak.billing.sale.SaleRows.operationValues;
import static id.lapak.billing.sale.SaleRows.text;
import static id.lapak.billing.sale.SaleRows.time;
import static id.lapak.billing.sale.SaleRows.uuid;

import id.lapak.billing.sale.CaptureMode;
import id.lapak.billing.sale.NewOperation;
import id.lapak.billing.sale.SaleRow;
import id.lapak.tenant.sale.SaleLine;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of the payment path, written for few round trips: a new sale and its lines go in with one statement that
 * also reads the tenant's capture setting, and the acquirer's decision goes in with the sale's timeline in another.
 * Every statement names the tenant explicitly (row-level security checks it again). Runs inside the caller's
 * transaction.
 */
@Component
class PaymentRows {

    record Inserted(boolean inserted, CaptureMode captureMode) {}

    private static final String INSERT = """
            with s as (
                insert into sale (tenant_id, id, store_id, device_id, idempotency_key, request_hash, status,
                                  claimed_until, currency, amount_minor, tip_minor, tax_minor, customer_id, entry_mode,
                                  offline, device_time, received_at, sold_at, decided_at, card_brand, masked_pan,
                                  pan_last4, expiry_month, expiry_year, card_fingerprint, response_code, decline_reason,
                                  cashier_code, cashier_name, discount_minor)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (tenant_id, device_id, idempotency_key) do nothing
                returning id),
            l as (
                insert into sale_line (tenant_id, sale_id, line_no, variant_id, description, quantity,
                                       unit_price_minor, tax_minor, total_minor, discount_minor)
                select s_tenant.t, s.id, t.n::int, t.v::uuid, t.d, t.q::int, t.u::bigint, t.x::bigint, t.o::bigint,
                       t.c::bigint
                from s, (select ?::uuid as t) s_tenant,
                     unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                         as t(n, v, d, q, u, x, o, c))
            select (select count(*) from s) as inserted,
                   (select capture_mode from payment_settings where tenant_id = ?) as capture_mode""";

    private final JdbcClient jdbc;

    PaymentRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Inserted insert(NewSale s) {
        String[][] lines = lineColumns(s.saleLines(), s.lineDiscounts());
        CardFacts card = s.card();
        return jdbc.sql(INSERT)
                .params(
                        s.tenantId(),
                        s.id(),
                        s.storeId(),
                        s.deviceId(),
                        s.idempotencyKey(),
                        s.requestHash(),
                        s.status().name(),
                        time(s.claimedUntil()),
                        s.currency(),
                        s.amountMinor(),
                        s.tipMinor(),
                        s.taxMinor(),
                        uuid(s.customerId()),
                        s.entryMode().name(),
                        s.offline(),
                        time(s.deviceTime()),
                        time(s.receivedAt()),
                        time(s.soldAt()),
                        time(s.decidedAt()),
                        card.brand().name(),
                        card.maskedPan(),
                        card.last4(),
                        card.expiryMonth(),
                        card.expiryYear(),
                        card.fingerprint(),
                        text(card.localDeclineCode()),
                        text(card.localDeclineReason()),
                        text(s.cashier() == null ? null : s.cashier().code()),
                        text(s.cashier() == null ? null : s.cashier().name()),
                        new SqlParameterValue(Types.BIGINT, s.discountMinor()),
                        s.tenantId(),
                        lines[0],
                        lines[1],
                        lines[2],
                        lines[3],
                        lines[4],
                        lines[5],
                        lines[6],
                        lines[7],
                        s.tenantId())
                .query((rs, row) -> new Inserted(
                        rs.getLong("inserted") == 1,
                        rs.getString("capture_mode") == null
                                ? CaptureMode.IMMEDIATE
                                : CaptureMode.valueOf(rs.getString("capture_mode"))))
                .single();
    }

    /**
     * The sale's lines as the statement's eight text arrays, one per column: line number, variant, description,
     * quantity, unit price, tax, total and discount (null where the device reported none).
     */
    private static String[][] lineColumns(List<SaleLine> lines, List<Long> discounts) {
        int count = lines.size();
        String[] n = new String[count];
        String[] v = new String[count];
        String[] d = new String[count];
        String[] q = new String[count];
        String[] u = new String[count];
        String[] x = new String[count];
        String[] o = new String[count];
        String[] c = new String[count];
        for (int i = 0; i < count; i++) {
            SaleLine line = lines.get(i);
            n[i] = Integer.toString(i + 1);
            v[i] = line.variantId().toString();
            d[i] = line.description();
            q[i] = Integer.toString(line.quantity());
            u[i] = Long.toString(line.unitPriceMinor());
            x[i] = Long.toString(line.taxMinor());
            o[i] = Long.toString(line.totalMinor());
            c[i] = discounts.get(i) == null ? null : Long.toString(discounts.get(i));
        }
        return new String[][] {n, v, d, q, u, x, o, c};
    }

    /** Takes a pending sale's lease over when it ran out; false when another request was quicker. */
    boolean takeOver(SaleRow sale, Instant now, Instant until) {
        return jdbc.sql("""
                        update sale set claimed_until = ?, version = version + 1
                        where tenant_id = ? and id = ? and status = 'PENDING' and claimed_until < ?""")
                        .params(time(until), sale.tenantId(), sale.id(), time(now))
                        .update()
                == 1;
    }

    /** Records the acquirer's decision on a pending sale; false when it was decided already. */
    boolean decide(UUID tenant, UUID id, Decision d, Instant at) {
        return jdbc.sql("""
                        update sale set status = ?, claimed_until = null, decided_at = ?, response_code = ?,
                            authorization_code = ?, decline_reason = ?, gateway_reference = ?, authorized_minor = ?,
                            captured_minor = ?, version = version + 1
                        where tenant_id = ? and id = ? and status = 'PENDING'""")
                        .params(
                                d.status().name(),
                                time(at),
                                text(d.responseCode()),
                                text(d.authorizationCode()),
                                text(d.declineReason()),
                                text(d.gatewayReference()),
                                d.authorizedMinor(),
                                d.capturedMinor(),
                                tenant,
                                id)
                        .update()
                == 1;
    }

    /**
     * {@link #decide} and {@link #insertOperations} in one statement (one round trip to the database on the payment
     * path): the operations are inserted only when the sale was still PENDING and this call decided it.
     */
    boolean decide(UUID tenant, UUID id, Decision d, Instant at, List<NewOperation> operations) {
        if (operations.isEmpty()) {
            return decide(tenant, id, d, at);
        }
        StringBuilder sql = new StringBuilder("""
                with decided as (
                    update sale set status = ?, claimed_until = null, decided_at = ?, response_code = ?,
                        authorization_code = ?, decline_reason = ?, gateway_reference = ?, authorized_minor = ?,
                        captured_minor = ?, version = version + 1
                    where tenant_id = ? and id = ? and status = 'PENDING'
                    returning id),
                operations as (
                    insert into payment_operation (tenant_id, id, sale_id, kind, status, amount_minor, response_code,
                        gateway_reference, message, actor, created_at, completed_at)
                    select v.* from decided cross join (values """);
        List<Object> params = new ArrayList<>(List.of(
                d.status().name(),
                time(at),
                text(d.responseCode()),
                text(d.authorizationCode()),
                text(d.declineReason()),
                text(d.gatewayReference()),
                d.authorizedMinor(),
                d.capturedMinor(),
                tenant,
                id));
        boolean first = true;
        for (NewOperation op : operations) {
            sql.append(first ? "" : ", ")
                    .append("(?::uuid, ?::uuid, ?::uuid, ?, ?, ?::bigint, ?, ?, ?, ?, "
                            + "?::timestamptz, ?::timestamptz)");
            first = false;
            params.addAll(operationValues(tenant, id, op));
        }
        sql.append("""
                    ) as v(tenant_id, id, sale_id, kind, status, amount_minor, response_code, gateway_reference,
                           message, actor, created_at, completed_at)
                    returning 1)
                select count(*) from decided""");
        return jdbc.sql(sql.toString()).params(params).query(Long.class).single() == 1;
    }
}

package id.lapak.billing.sale;

import static id.lapak.billing.sale.SaleRows.text;
import static id.lapak.billing.sale.SaleRows.time;

import id.lapak.billing.gateway.GatewayResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The portal's reads and the bookkeeping of captures, voids and refunds. Native SQL: every statement filters the
 * tenant by hand (row-level security is the second wall) and a store manager's stores when given.
 */
@Component
class SaleQueries {

    private final JdbcClient jdbc;

    SaleQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Where(String sql, List<Object> params) {}

    private static Where where(UUID tenant, SaleFilter f, Set<UUID> stores) {
        StringBuilder sql = new StringBuilder(" where tenant_id = ?");
        List<Object> params = new ArrayList<>();
        params.add(tenant);
        if (stores != null) {
            if (stores.isEmpty()) {
                sql.append(" and false");
            } else {
                sql.append(" and store_id = any(?::uuid[])");
                params.add(stores.stream().map(UUID::toString).toArray(String[]::new));
            }
        }
        if (f.from() != null) {
            sql.append(" and sold_at >= ?");
            params.add(time(f.from()));
        }
        if (f.to() != null) {
            sql.append(" and sold_at < ?");
            params.add(time(f.to()));
        }
        if (f.storeId() != null) {
            sql.append(" and store_id = ?");
            params.add(f.storeId());
        }
        if (f.deviceId() != null) {
            sql.append(" and device_id = ?");
            params.add(f.deviceId());
        }
        if (!f.statuses().isEmpty()) {
            sql.append(" and status = any(?::text[])");
            params.add(f.statuses().stream().map(Enum::name).toArray(String[]::new));
        }
        if (f.brand() != null) {
            sql.append(" and card_brand = ?");
            params.add(f.brand().name());
        }
        if (f.minAmountMinor() != null) {
            sql.append(" and amount_minor >= ?");
            params.add(f.minAmountMinor());
        }
        if (f.maxAmountMinor() != null) {
            sql.append(" and amount_minor <= ?");
            params.add(f.maxAmountMinor());
        }
        if (f.last4() != null) {
            sql.append(" and pan_last4 = ?");
            params.add(f.last4());
        }
        if (f.offline() != null) {
            sql.append(" and offline = ?");
            params.add(f.offline());
        }
        return new Where(sql.toString(), params);
    }

    List<SaleSummary> search(UUID tenant, SaleFilter filter, Set<UUID> stores, Pageable pageable) {
        Where where = where(tenant, filter, stores);
        String sql =
                "select " + SaleRow.COLUMNS + " from sale" + where.sql() + " order by " + order(pageable.getSort());
        List<Object> params = new ArrayList<>(where.params());
        if (pageable.isPaged()) {
            sql += " limit ? offset ?";
            params.add(pageable.getPageSize());
            params.add(pageable.getOffset());
        }
        return jdbc.sql(sql).params(params).query(SaleRow::read).list().stream()
                .map(SaleRow::summary)
                .toList();
    }

    long count(UUID tenant, SaleFilter filter, Set<UUID> stores) {
        Where where = where(tenant, filter, stores);
        return jdbc.sql("select count(*) from sale" + where.sql())
                .params(where.params())
                .query(Long.class)
                .single();
    }

    List<SaleTotals> totals(UUID tenant, SaleFilter filter, Set<UUID> stores) {
        Where where = where(tenant, filter, stores);
        return jdbc.sql("""
                        select currency, count(*) as n,
                               count(*) filter (where status in ('AUTHORIZED', 'CAPTURED', 'PARTIALLY_REFUNDED',
                                                                 'REFUNDED', 'VOIDED')) as approved,
                               count(*) filter (where status = 'DECLINED') as declined,
                               coalesce(sum(authorized_minor) filter (where status <> 'VOIDED'), 0) as authorized,
                               coalesce(sum(captured_minor), 0) as captured,
                               coalesce(sum(refunded_minor), 0) as refunded,
                               coalesce(sum(tip_minor) filter (where status in ('AUTHORIZED', 'CAPTURED',
                                                                 'PARTIALLY_REFUNDED', 'REFUNDED')), 0) as tips
                        from sale""" + where.sql() + " group by currency order by currency")
                .params(where.params())
                .query((rs, n) -> new SaleTotals(
                        rs.getString("currency"),
                        rs.getLong("n"),
                        rs.getLong("approved"),
                        rs.getLong("declined"),
                        rs.getLong("authorized"),
                        rs.getLong("captured"),
                        rs.getLong("refunded"),
                        rs.getLong("tips")))
                .list();
    }

    private static String order(Sort sort) {
        List<String> parts = new ArrayList<>();
        for (Sort.Order o : sort) {
            String column = switch (o.getProperty()) {
                case "soldAt" -> "sold_at";
                case "receivedAt" -> "received_at";
                case "amountMinor" -> "amount_minor";
                case "status" -> "status";
                case "brand" -> "card_brand";
                default -> null;
            };
            if (column != null) {
                parts.add(column + (o.isAscending() ? " asc" : " desc"));
            }
        }
        if (parts.isEmpty()) {
            parts.add("sold_at desc");
        }
        parts.add("id");
        return String.join(", ", parts);
    }

    List<SaleLineDetails> lines(UUID tenant, UUID saleId) {
        return jdbc.sql("""
                        select line_no, variant_id, description, quantity, unit_price_minor, tax_minor, total_minor,
                               returned_quantity, discount_minor
                        from sale_line where tenant_id = ? and sale_id = ? order by line_no""")
                .params(tenant, saleId)
                .query((rs, n) -> new SaleLineDetails(
                        rs.getInt(1),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getInt(8),
                        rs.getObject(9, Long.class)))
                .list();
    }

    List<PaymentEvent> timeline(UUID tenant, UUID saleId) {
        return jdbc.sql("""
                        select id, kind, status, amount_minor, response_code, gateway_reference, message, reason,
                               restock, actor, created_at
                        from payment_operation where tenant_id = ? and sale_id = ? order by created_at, kind""")
                .params(tenant, saleId)
                .query((rs, n) -> new PaymentEvent(
                        rs.getObject(1, UUID.class),
                        OperationKind.valueOf(rs.getString(2)),
                        OperationStatus.valueOf(rs.getString(3)),
                        rs.getLong(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getBoolean(9),
                        rs.getString(10),
                        rs.getTimestamp(11).toInstant()))
                .list();
    }

    CaptureMode captureMode(UUID tenant) {
        return jdbc.sql("select capture_mode from payment_settings where tenant_id = ?")
                .param(tenant)
                .query(String.class)
                .optional()
                .map(CaptureMode::valueOf)
                .orElse(CaptureMode.IMMEDIATE);
    }

    void saveCaptureMode(UUID tenant, CaptureMode mode, String by, Instant at) {
        jdbc.sql("""
                        insert into payment_settings (tenant_id, capture_mode, updated_at, updated_by) values (?, ?, ?, ?)
                        on conflict (tenant_id) do update set capture_mode = excluded.capture_mode,
                            updated_at = excluded.updated_at, updated_by = excluded.updated_by""").params(tenant, mode.name(), time(at), by).update();
    }

    /** An operation asked for with an idempotency key: what it was, to tell a retry from a reused key. */
    record KeyedOperation(UUID id, String kind, long amountMinor) {}

    Optional<KeyedOperation> operationByKey(UUID tenant, UUID saleId, String key) {
        return jdbc.sql("""
                        select id, kind, amount_minor from payment_operation
                        where tenant_id = ? and sale_id = ? and idempotency_key = ?""")
                .params(tenant, saleId, key)
                .query((rs, n) -> new KeyedOperation(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3)))
                .optional();
    }

    boolean hasPendingOperation(UUID tenant, UUID saleId) {
        return jdbc.sql("""
                        select exists (select 1 from payment_operation
                                       where tenant_id = ? and sale_id = ? and status = 'PENDING')""").params(tenant, saleId).query(Boolean.class).single();
    }

    void completeOperation(UUID tenant, UUID operationId, boolean ok, GatewayResult answer, Instant at) {
        jdbc.sql("""
                        update payment_operation set status = ?, response_code = ?, gateway_reference = ?, message = ?,
                            completed_at = ?
                        where tenant_id = ? and id = ?""")
                .params(
                        ok ? "SUCCEEDED" : "FAILED",
                        text(answer == null ? null : answer.responseCode()),
                        text(answer == null ? null : answer.gatewayReference()),
                        text(answer == null ? "no answer" : answer.message()),
                        time(at),
                        tenant,
                        operationId)
                .update();
    }

    void updateAmounts(UUID tenant, UUID saleId, SaleStatus status, long captured, long refunded) {
        jdbc.sql("""
                        update sale set status = ?, captured_minor = ?, refunded_minor = ?, version = version + 1
                        where tenant_id = ? and id = ?""").params(status.name(), captured, refunded, tenant, saleId).update();
    }

    void addReturned(UUID tenant, UUID saleId, int lineNo, int quantity) {
        jdbc.sql("""
                        update sale_line set returned_quantity = returned_quantity + ?
                        where tenant_id = ? and sale_id = ? and line_no = ?""").params(quantity, tenant, saleId, lineNo).update();
    }

    /** A sale with its lines and timeline, as the portal shows it. */
    SaleDetails details(UUID tenant, SaleRow row) {
        String[] cashier = jdbc.sql("select cashier_code, cashier_name from sale where tenant_id = ? and id = ?")
                .params(tenant, row.id())
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .optional()
                .orElse(new String[2]);
        return new SaleDetails(
                row.summary(),
                row.customerId(),
                row.taxMinor(),
                row.deviceTime(),
                row.expiryMonth(),
                row.expiryYear(),
                row.gatewayReference(),
                lines(tenant, row.id()),
                timeline(tenant, row.id()),
                cashier[0],
                cashier[1]);
    }
}

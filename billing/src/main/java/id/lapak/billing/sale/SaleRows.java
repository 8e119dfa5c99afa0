package id.lapak.billing.sale;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A sale's row as every path reads it (by id, by its device's idempotency key, or locked for a move) and the
 * operations a move adds to its timeline; with the SQL parameter forms the sale's statements share. Every statement
 * names the tenant explicitly (row-level security checks it again). Runs inside the caller's transaction.
 */
@Component
public class SaleRows {

    private final JdbcClient jdbc;

    SaleRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<SaleRow> findByKey(UUID tenant, UUID deviceId, String idempotencyKey) {
        return jdbc.sql("select " + SaleRow.COLUMNS
                        + " from sale where tenant_id = ? and device_id = ? and idempotency_key = ?")
                .params(tenant, deviceId, idempotencyKey)
                .query(SaleRow::read)
                .optional();
    }

    public Optional<SaleRow> find(UUID tenant, UUID id) {
        return jdbc.sql("select " + SaleRow.COLUMNS + " from sale where tenant_id = ? and id = ?")
                .params(tenant, id)
                .query(SaleRow::read)
                .optional();
    }

    Optional<SaleRow> lock(UUID tenant, UUID id) {
        return jdbc.sql("select " + SaleRow.COLUMNS + " from sale where tenant_id = ? and id = ? for update")
                .params(tenant, id)
                .query(SaleRow::read)
                .optional();
    }

    void insertOperation(
            UUID tenant, UUID saleId, NewOperation op, String reason, boolean restock, String idempotencyKey) {
        jdbc.sql("""
                        insert into payment_operation (tenant_id, id, sale_id, kind, status, amount_minor, response_code,
                            gateway_reference, message, reason, restock, actor, idempotency_key, created_at,
                            completed_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        tenant,
                        op.id(),
                        saleId,
                        op.kind().name(),
                        op.status().name(),
                        op.amountMinor(),
                        text(op.responseCode()),
                        text(op.gatewayReference()),
                        text(op.message()),
                        text(reason),
                        restock,
                        op.actor(),
                        text(idempotencyKey),
                        time(op.at()),
                        time(op.status() == OperationStatus.PENDING ? null : op.at()))
                .update();
    }

    /**
     * A finished operation's {@code payment_operation} values, in the order {@code tenant_id, id, sale_id, kind,
     * status, amount_minor, response_code, gateway_reference, message, actor, created_at, completed_at}.
     */
    public static List<Object> operationValues(UUID tenant, UUID saleId, NewOperation op) {
        return List.of(
                tenant,
                op.id(),
                saleId,
                op.kind().name(),
                op.status().name(),
                op.amountMinor(),
                text(op.responseCode()),
                text(op.gatewayReference()),
                text(op.message()),
                op.actor(),
                time(op.at()),
                time(op.at()));
    }

    public static SqlParameterValue time(Instant instant) {
        return new SqlParameterValue(
                Types.TIMESTAMP_WITH_TIMEZONE,
                instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    public static SqlParameterValue text(String value) {
        return new SqlParameterValue(Types.VARCHAR, value);
    }

    public static SqlParameterValue uuid(UUID value) {
        return new SqlParameterValue(Types.OTHER, value);
    }
}

package id.lapak.billing.sale.reversal;

import static id.lapak.billing.sale.SaleRows.operationValues;
import static id.lapak.billing.sale.SaleRows.time;

import id.lapak.billing.sale.NewOperation;
import id.lapak.billing.sale.SaleStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of reversals: resolving a REVERSAL_PENDING sale once the acquirer confirms, noting unconfirmed attempts and
 * warnings, and the sweeper's listing across tenants, which its caller runs through {@code PlatformAccess}. Every
 * other statement names the tenant explicitly (row-level security checks it again). Runs inside the caller's
 * transaction.
 */
@Component
class ReversalRows {

    private final JdbcClient jdbc;

    ReversalRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The acquirer confirmed the reversal of a REVERSAL_PENDING sale: it is REVERSED, or FAILED when it was an
     * approved sale that could not be recorded (as the payment path decides when its own reversal is confirmed).
     * False when the sale was resolved already.
     */
    boolean reversalConfirmed(UUID tenant, UUID id) {
        return jdbc.sql("""
                        update sale set status = case when decline_reason = 'sale_not_recorded' then ? else ? end,
                            version = version + 1
                        where tenant_id = ? and id = ? and status = 'REVERSAL_PENDING'""")
                        .params(
                                SaleStatus.afterReversal(true, true).name(),
                                SaleStatus.afterReversal(true, false).name(),
                                tenant,
                                id)
                        .update()
                == 1;
    }

    /** A reversal retry got no confirmation: remember when, so the sweeper waits its grace period before the next. */
    void reversalAttempted(UUID tenant, UUID id, Instant at) {
        jdbc.sql("""
                        update sale set reversal_attempted_at = ?
                        where tenant_id = ? and id = ? and status = 'REVERSAL_PENDING'""").params(time(at), tenant, id).update();
    }

    /**
     * Marks a sale REVERSAL_PENDING since before {@code pendingSince} as reported to support; true only for the
     * first caller, so the warning is raised once whichever node sweeps.
     */
    boolean reversalWarned(UUID tenant, UUID id, Instant pendingSince, Instant at) {
        return jdbc.sql("""
                        update sale set reversal_warned_at = ?
                        where tenant_id = ? and id = ? and status = 'REVERSAL_PENDING' and reversal_warned_at is null
                          and decided_at < ?""").params(time(at), tenant, id, time(pendingSince)).update() == 1;
    }

    /** A sale waiting for its reversal, as the sweeper lists it across tenants. */
    record PendingReversal(UUID tenantId, UUID id) {}

    /**
     * Across tenants (the caller runs this through {@code PlatformAccess}): REVERSAL_PENDING sales whose last attempt
     * (the payment's own, or the last unconfirmed retry) was before {@code attemptedBefore}, least recently tried
     * first, at most {@code limit}.
     */
    List<PendingReversal> pendingReversals(Instant attemptedBefore, int limit) {
        return jdbc.sql("""
                        select tenant_id, id from sale
                        where status = 'REVERSAL_PENDING'
                          and coalesce(reversal_attempted_at, decided_at, received_at) < ?
                        order by coalesce(reversal_attempted_at, decided_at, received_at), tenant_id, id
                        limit ?""")
                .params(time(attemptedBefore), limit)
                .query((rs, n) -> new PendingReversal(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .list();
    }

    /** Several finished operations of a sale in one statement. */
    void insertOperations(UUID tenant, UUID saleId, List<NewOperation> operations) {
        if (operations.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("""
                insert into payment_operation (tenant_id, id, sale_id, kind, status, amount_minor, response_code,
                    gateway_reference, message, actor, created_at, completed_at) values """);
        List<Object> params = new ArrayList<>();
        for (NewOperation op : operations) {
            sql.append(params.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            params.addAll(operationValues(tenant, saleId, op));
        }
        jdbc.sql(sql.toString()).params(params).update();
    }
}

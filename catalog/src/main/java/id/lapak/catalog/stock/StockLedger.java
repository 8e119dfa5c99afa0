package id.lapak.catalog.stock;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only code that changes stock. Each movement locks its level row, writes the new on-hand and the movement with
 * that resulting on-hand in the caller's transaction, so on-hand is always the sum of the movements and concurrent
 * sales of one variant queue on the row lock instead of overwriting each other. Callers touching several levels lock
 * them in (store, variant) order so two operations never wait on each other crosswise.
 */
@Component
class StockLedger {

    record Level(long onHand, Integer threshold, boolean below) {}

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StockLedger(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Creates the level if needed and locks it until the transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    Level lock(UUID tenantId, UUID storeId, UUID variantId) {
        jdbc.sql("""
                        insert into stock_level (tenant_id, store_id, variant_id, on_hand, updated_at)
                        values (?, ?, ?, 0, ?) on conflict do nothing""")
                .params(tenantId, storeId, variantId, Timestamp.from(now()))
                .update();
        return jdbc.sql("""
                        select on_hand, threshold, below_threshold from stock_level
                        where tenant_id = ? and store_id = ? and variant_id = ? for update""")
                .params(tenantId, storeId, variantId)
                .query((rs, n) -> new Level(rs.getLong(1), (Integer) rs.getObject(2), rs.getBoolean(3)))
                .single();
    }

    /** Records one movement and returns the resulting on-hand. */
    @Transactional(propagation = Propagation.MANDATORY)
    long move(
            UUID tenantId,
            UUID storeId,
            UUID variantId,
            MovementKind kind,
            long quantity,
            StockActor actor,
            UUID referenceId,
            String sourceKey,
            String reason) {
        if (quantity == 0) {
            throw new StockException("stock.error.quantity.zero");
        }
        Level before = lock(tenantId, storeId, variantId);
        long resulting = Math.addExact(before.onHand(), quantity);
        Instant now = now();
        store(tenantId, storeId, variantId, resulting, before.threshold(), before.below(), now);
        jdbc.sql("""
                        insert into stock_movement (tenant_id, id, store_id, variant_id, kind, quantity,
                            resulting_on_hand, reason, reference_id, source_key, actor_kind, actor_id, actor_name,
                            device_id, occurred_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        tenantId,
                        UUID.randomUUID(),
                        storeId,
                        variantId,
                        kind.name(),
                        quantity,
                        resulting,
                        reason,
                        referenceId,
                        sourceKey,
                        actor.kind(),
                        actor.id(),
                        actor.name(),
                        actor.deviceId(),
                        Timestamp.from(now))
                .update();
        return resulting;
    }

    /** Sets or removes the low-stock threshold; setting it under the current stock raises the alert at once. */
    @Transactional(propagation = Propagation.MANDATORY)
    Level threshold(UUID tenantId, UUID storeId, UUID variantId, Integer threshold) {
        Level before = lock(tenantId, storeId, variantId);
        jdbc.sql("update stock_level set threshold = ? where tenant_id = ? and store_id = ? and variant_id = ?")
                .params(threshold, tenantId, storeId, variantId)
                .update();
        store(tenantId, storeId, variantId, before.onHand(), threshold, before.below(), now());
        return before;
    }

    boolean sourceRecorded(UUID tenantId, String sourceKey) {
        return jdbc.sql("select exists(select 1 from stock_movement where tenant_id = ? and source_key = ?)")
                .params(tenantId, sourceKey)
                .query(Boolean.class)
                .single();
    }

    /** Writes on-hand and the alert flag; the flag flips here, under the row lock, so each crossing is seen once. */
    private void store(
            UUID tenantId,
            UUID storeId,
            UUID variantId,
            long onHand,
            Integer threshold,
            boolean wasBelow,
            Instant now) {
        boolean below = threshold != null && onHand <= threshold;
        jdbc.sql("""
                        update stock_level set on_hand = ?, below_threshold = ?,
                            below_since = case when ? then coalesce(below_since, ?) else null end, updated_at = ?
                        where tenant_id = ? and store_id = ? and variant_id = ?""")
                .params(onHand, below, below, Timestamp.from(now), Timestamp.from(now), tenantId, storeId, variantId)
                .update();
        if (below && !wasBelow) {
            events.publishEvent(new StockBelowThreshold(tenantId, storeId, variantId, onHand, threshold));
        } else if (!below && wasBelow) {
            events.publishEvent(new StockBackAboveThreshold(tenantId, storeId, variantId, onHand));
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

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
 * sales of one variant queue on the row lock instead of overwriting each other. A movement is one statement from the
 * lock to the movement row, and a sale's movements are the last statements of the sale's transaction, so the lock is
 * held for that statement and the commit only (docs/decisions/0044). Callers touching several levels lock
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
        create(tenantId, storeId, variantId, now());
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
        Instant now = now();
        create(tenantId, storeId, variantId, now);
        // One statement from taking the level's lock to writing the movement: the lock is held from here to the
        // commit, so nothing else (no further round trip) happens while other sales of the variant wait for it.
        Level after = jdbc.sql("""
                        with before as (
                            select on_hand, threshold, below_threshold from stock_level
                            where tenant_id = :tenant and store_id = :store and variant_id = :variant for update),
                        level as (
                            update stock_level l set on_hand = b.on_hand + :quantity,
                                below_threshold = coalesce(b.on_hand + :quantity <= b.threshold, false),
                                below_since = case when b.on_hand + :quantity <= b.threshold
                                                   then coalesce(l.below_since, :now) end,
                                updated_at = :now
                            from before b
                            where l.tenant_id = :tenant and l.store_id = :store and l.variant_id = :variant
                            returning l.on_hand, l.threshold, b.below_threshold as was_below),
                        movement as (
                            insert into stock_movement (tenant_id, id, store_id, variant_id, kind, quantity,
                                resulting_on_hand, reason, reference_id, source_key, actor_kind, actor_id, actor_name,
                                device_id, occurred_at)
                            select cast(:tenant as uuid), cast(:id as uuid), cast(:store as uuid),
                                cast(:variant as uuid), cast(:kind as text), cast(:quantity as bigint), on_hand,
                                cast(:reason as text), cast(:reference as uuid), cast(:source as text),
                                cast(:actorKind as text), cast(:actorId as text), cast(:actorName as text),
                                cast(:device as uuid), cast(:now as timestamptz)
                            from level)
                        select on_hand, threshold, was_below from level""")
                .param("tenant", tenantId)
                .param("store", storeId)
                .param("variant", variantId)
                .param("quantity", quantity)
                .param("now", Timestamp.from(now))
                .param("id", UUID.randomUUID())
                .param("kind", kind.name())
                .param("reason", reason)
                .param("reference", referenceId)
                .param("source", sourceKey)
                .param("actorKind", actor.kind())
                .param("actorId", actor.id())
                .param("actorName", actor.name())
                .param("device", actor.deviceId())
                .query((rs, n) -> new Level(rs.getLong(1), (Integer) rs.getObject(2), rs.getBoolean(3)))
                .single();
        announce(tenantId, storeId, variantId, after.onHand(), after.threshold(), after.below());
        return after.onHand();
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

    private void create(UUID tenantId, UUID storeId, UUID variantId, Instant now) {
        jdbc.sql("""
                        insert into stock_level (tenant_id, store_id, variant_id, on_hand, updated_at)
                        values (?, ?, ?, 0, ?) on conflict do nothing""").params(tenantId, storeId, variantId, Timestamp.from(now)).update();
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
        announce(tenantId, storeId, variantId, onHand, threshold, wasBelow);
    }

    /** Publishes the crossing, if the new on-hand crossed the threshold: each crossing is seen once, under the lock. */
    private void announce(
            UUID tenantId, UUID storeId, UUID variantId, long onHand, Integer threshold, boolean wasBelow) {
        boolean below = threshold != null && onHand <= threshold;
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

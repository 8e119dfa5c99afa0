package id.lapak.catalog.stock;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads stock levels, the low-stock alerts and the movement ledger of the stores a person may see, each row named
 * with its variant's label. {@link StockService} is the security boundary and the transaction these reads run in.
 */
@Component
class StockViews {

    private final JdbcClient jdbc;
    private final StockScope scope;
    private final CatalogVariants variants;

    StockViews(JdbcClient jdbc, StockScope scope, CatalogVariants variants) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.variants = variants;
    }

    /** Stock by store; {@code storeId} null means every store the person may see. */
    Page<StockLevel> levels(UUID storeId, boolean belowThresholdOnly, boolean negativeOnly, Pageable pageable) {
        StockScope.Stores stores = storeId == null ? scope.current() : scope.require(storeId);
        Pageable page = StockService.safe(pageable);
        String where = """
                where l.tenant_id = ? and (? or l.store_id = any(?::uuid[])) and (?::uuid is null or l.store_id = ?)
                  and (not ? or l.below_threshold) and (not ? or l.on_hand < 0)""";
        Object[] params = {
            stores.tenantId(), stores.all(), stores.ids(), storeId, storeId, belowThresholdOnly, negativeOnly
        };
        List<StockLevel> rows = jdbc.sql("""
                        select l.*, s.name as store_name from stock_level l
                        join store s on s.tenant_id = l.tenant_id and s.id = l.store_id
                        """ + where + " order by s.name, l.variant_id limit ? offset ?")
                .params(StockService.append(params, page.getPageSize(), page.getOffset()))
                .query((rs, n) -> level(rs))
                .list();
        long total = jdbc.sql("select count(*) from stock_level l " + where)
                .params(params)
                .query(Long.class)
                .single();
        return new PageImpl<>(labelLevels(rows), page, total);
    }

    /** Every level at or under its threshold, oldest alert first. */
    Page<StockLevel> alerts(Pageable pageable) {
        StockScope.Stores stores = scope.current();
        Pageable page = StockService.safe(pageable);
        String where = "where l.tenant_id = ? and (? or l.store_id = any(?::uuid[])) and l.below_threshold";
        Object[] params = {stores.tenantId(), stores.all(), stores.ids()};
        List<StockLevel> rows = jdbc.sql("""
                        select l.*, s.name as store_name from stock_level l
                        join store s on s.tenant_id = l.tenant_id and s.id = l.store_id
                        """ + where + " order by l.below_since, s.name limit ? offset ?")
                .params(StockService.append(params, page.getPageSize(), page.getOffset()))
                .query((rs, n) -> level(rs))
                .list();
        long total = jdbc.sql("select count(*) from stock_level l " + where)
                .params(params)
                .query(Long.class)
                .single();
        return new PageImpl<>(labelLevels(rows), page, total);
    }

    /** How many levels of the person's stores are at or under their threshold. */
    long countAlerts() {
        StockScope.Stores stores = scope.current();
        return jdbc.sql("""
                        select count(*) from stock_level l
                        where l.tenant_id = ? and (? or l.store_id = any(?::uuid[])) and l.below_threshold""")
                .params(stores.tenantId(), stores.all(), stores.ids())
                .query(Long.class)
                .single();
    }

    /** The ledger, newest first; any filter may be null. */
    Page<StockMovement> movements(UUID storeId, UUID variantId, MovementKind kind, Pageable pageable) {
        StockScope.Stores stores = storeId == null ? scope.current() : scope.require(storeId);
        Pageable page = StockService.safe(pageable);
        String where = """
                where m.tenant_id = ? and (? or m.store_id = any(?::uuid[])) and (?::uuid is null or m.store_id = ?)
                  and (?::uuid is null or m.variant_id = ?) and (?::text is null or m.kind = ?)""";
        String kindName = kind == null ? null : kind.name();
        Object[] params = {
            stores.tenantId(), stores.all(), stores.ids(), storeId, storeId, variantId, variantId, kindName, kindName
        };
        List<StockMovement> rows = jdbc.sql("""
                        select m.*, s.name as store_name from stock_movement m
                        join store s on s.tenant_id = m.tenant_id and s.id = m.store_id
                        """ + where + " order by m.occurred_at desc, m.id limit ? offset ?")
                .params(StockService.append(params, page.getPageSize(), page.getOffset()))
                .query((rs, n) -> movement(rs))
                .list();
        long total = jdbc.sql("select count(*) from stock_movement m " + where)
                .params(params)
                .query(Long.class)
                .single();
        Map<UUID, CatalogVariants.Label> labels =
                variants.labels(rows.stream().map(StockMovement::variantId).toList());
        return new PageImpl<>(
                rows.stream()
                        .map(m -> new StockMovement(
                                m.id(),
                                m.storeId(),
                                m.storeName(),
                                m.variantId(),
                                name(labels, m.variantId()),
                                m.kind(),
                                m.quantity(),
                                m.resultingOnHand(),
                                m.reason(),
                                m.referenceId(),
                                m.actorKind(),
                                m.actorName(),
                                m.deviceId(),
                                m.occurredAt()))
                        .toList(),
                page,
                total);
    }

    /** The levels with their variants' names and SKUs. */
    private List<StockLevel> labelLevels(List<StockLevel> rows) {
        Map<UUID, CatalogVariants.Label> labels =
                variants.labels(rows.stream().map(StockLevel::variantId).toList());
        return rows.stream()
                .map(l -> {
                    CatalogVariants.Label label = labels.get(l.variantId());
                    return new StockLevel(
                            l.storeId(),
                            l.storeName(),
                            l.variantId(),
                            label == null ? null : label.name(),
                            label == null ? null : label.sku(),
                            l.onHand(),
                            l.threshold(),
                            l.belowThreshold(),
                            l.belowSince(),
                            l.updatedAt());
                })
                .toList();
    }

    /** A variant's name from the catalog's labels; null when the catalog has no label for it. */
    static String name(Map<UUID, CatalogVariants.Label> labels, UUID variantId) {
        CatalogVariants.Label label = labels.get(variantId);
        return label == null ? null : label.name();
    }

    private static StockLevel level(ResultSet rs) throws SQLException {
        Timestamp since = rs.getTimestamp("below_since");
        return new StockLevel(
                rs.getObject("store_id", UUID.class),
                rs.getString("store_name"),
                rs.getObject("variant_id", UUID.class),
                null,
                null,
                rs.getLong("on_hand"),
                (Integer) rs.getObject("threshold"),
                rs.getBoolean("below_threshold"),
                since == null ? null : since.toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static StockMovement movement(ResultSet rs) throws SQLException {
        return new StockMovement(
                rs.getObject("id", UUID.class),
                rs.getObject("store_id", UUID.class),
                rs.getString("store_name"),
                rs.getObject("variant_id", UUID.class),
                null,
                MovementKind.valueOf(rs.getString("kind")),
                rs.getLong("quantity"),
                rs.getLong("resulting_on_hand"),
                rs.getString("reason"),
                rs.getObject("reference_id", UUID.class),
                rs.getString("actor_kind"),
                rs.getString("actor_name"),
                rs.getObject("device_id", UUID.class),
                rs.getTimestamp("occurred_at").toInstant());
    }
}

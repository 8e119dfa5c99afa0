package id.lapak.reports;

import id.lapak.reports.ReportService.InventoryLine;
import id.lapak.tenant.money.Money;
import id.lapak.tenant.store.StoreScope;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The inventory report's reading of stock levels and movements. Callers pass the person's store scope; nothing here decides who may see what. */
@Component
class StockFigures {

    private final JdbcClient jdbc;

    StockFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<InventoryLine> read(UUID tenant, StoreScope scope, ReportFilter filter, Currency currency) {
        if (scope.isEmpty()) {
            return List.of();
        }
        String stores = (scope.isAll() ? "" : " and st.id = any(cast(:scope as uuid[]))")
                + (filter.storeId() == null ? "" : " and st.id = cast(:store as uuid)");
        JdbcClient.StatementSpec statement = ReportQueries.bind(jdbc.sql("""
                        select st.id, st.name,
                               coalesce((select sum(l.on_hand) from stock_level l
                                         where l.tenant_id = st.tenant_id and l.store_id = st.id), 0),
                               coalesce((select sum(greatest(l.on_hand, 0) * coalesce(v.cost_minor, 0))
                                         from stock_level l join catalog_variant v on v.tenant_id = l.tenant_id
                                             and v.id = l.variant_id
                                         where l.tenant_id = st.tenant_id and l.store_id = st.id), 0),
                               coalesce(-sum(m.quantity) filter (where m.kind = 'SALE'), 0),
                               coalesce(sum(m.quantity) filter (where m.kind = 'REFUND'), 0),
                               coalesce(sum(m.quantity) filter (where m.kind = 'RECEIPT'), 0),
                               coalesce(sum(m.quantity) filter (where m.kind in ('ADJUSTMENT', 'COUNT')), 0),
                               coalesce(sum(m.quantity) filter (where m.kind = 'TRANSFER_IN'), 0),
                               coalesce(-sum(m.quantity) filter (where m.kind = 'TRANSFER_OUT'), 0),
                               (select count(*) from stock_level l
                                where l.tenant_id = st.tenant_id and l.store_id = st.id and l.below_threshold)
                        from store st
                        left join stock_movement m on m.tenant_id = st.tenant_id and m.store_id = st.id
                            and m.occurred_at >= (cast(:from as date)::timestamp at time zone st.time_zone)
                            and m.occurred_at < ((cast(:to as date) + 1)::timestamp at time zone st.time_zone)
                        where st.tenant_id = :tenant%s
                        group by st.tenant_id, st.id, st.name order by st.name""".formatted(stores)), tenant, scope, filter);
        return statement
                .query((rs, n) -> new InventoryLine(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getLong(3),
                        Money.of(rs.getLong(4), currency),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getLong(8),
                        rs.getLong(9),
                        rs.getLong(10),
                        rs.getLong(11)))
                .list();
    }
}

package id.lapak.reports;

import id.lapak.reports.ReportService.CustomerLine;
import id.lapak.tenant.money.Money;
import id.lapak.tenant.store.StoreScope;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The customers report's reading of the sales. Callers pass the person's store scope; nothing here decides who may see what. */
@Component
class CustomerFigures {

    private final JdbcClient jdbc;

    CustomerFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<CustomerLine> read(UUID tenant, StoreScope scope, ReportFilter filter, Currency currency) {
        if (scope.isEmpty()) {
            return List.of();
        }
        String stores = (scope.isAll() ? "" : " and st.id = any(cast(:scope as uuid[]))")
                + (filter.storeId() == null ? "" : " and st.id = cast(:store as uuid)")
                + ReportQueries.saleConditions(filter);
        JdbcClient.StatementSpec statement = ReportQueries.bind(jdbc.sql("""
                        with bought as (
                            select coalesce(c.merged_into, s.customer_id) as customer_id, count(*) as visits,
                                   sum(s.captured_minor - s.refunded_minor) as net
                            from store st
                            join sale s on s.tenant_id = st.tenant_id and s.store_id = st.id
                                and s.sold_at >= (cast(:from as date)::timestamp at time zone st.time_zone)
                                and s.sold_at < ((cast(:to as date) + 1)::timestamp at time zone st.time_zone)
                            left join customer c on c.tenant_id = s.tenant_id and c.id = s.customer_id
                            where st.tenant_id = :tenant and s.customer_id is not null and s.captured_minor > 0%s
                            group by 1)
                        select b.customer_id, c.name, c.status = 'ERASED', b.visits, b.net,
                               not exists (select 1 from sale e join store es on es.tenant_id = e.tenant_id
                                               and es.id = e.store_id
                                           where e.tenant_id = :tenant and e.customer_id = b.customer_id
                                             and e.captured_minor > 0
                                             and e.sold_at < (cast(:from as date)::timestamp at time zone es.time_zone))
                        from bought b join customer c on c.tenant_id = :tenant and c.id = b.customer_id
                        order by b.net desc, b.visits desc limit 500""".formatted(stores)), tenant, scope, filter);
        return statement
                .query((rs, n) -> new CustomerLine(
                        rs.getObject(1, UUID.class),
                        rs.getBoolean(3) ? null : rs.getString(2),
                        rs.getBoolean(3),
                        rs.getLong(4),
                        Money.of(rs.getLong(5), currency),
                        rs.getBoolean(6)))
                .list();
    }
}

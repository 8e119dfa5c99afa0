package id.lapak.catalog.items;

import id.lapak.tenant.context.TenantContext;
import id.lapak.tenant.sale.SaleReferences;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The catalog's answer to "is this the tenant's variant / customer?" for the payment path. */
@Component
class CatalogSaleReferences implements SaleReferences {

    private final JdbcClient jdbc;

    CatalogSaleReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<UUID> unknownVariants(Collection<UUID> variantIds) {
        Set<UUID> unknown = new HashSet<>(variantIds);
        if (unknown.isEmpty()) {
            return unknown;
        }
        UUID tenant = TenantContext.requireTenant();
        unknown.removeAll(jdbc.sql("select id from catalog_variant where tenant_id = ? and id = any(?::uuid[])")
                .params(tenant, unknown.stream().map(UUID::toString).toArray(String[]::new))
                .query(UUID.class)
                .list());
        return unknown;
    }

    @Override
    public boolean customerExists(UUID customerId) {
        UUID tenant = TenantContext.requireTenant();
        return jdbc.sql("select exists(select 1 from customer where tenant_id = ? and id = ?)")
                .params(tenant, customerId)
                .query(Boolean.class)
                .single();
    }
}

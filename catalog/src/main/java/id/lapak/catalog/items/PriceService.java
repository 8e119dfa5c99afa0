package id.lapak.catalog.items;

import static id.lapak.catalog.items.CatalogService.MAX_PRICE_MINOR;
import static id.lapak.catalog.items.CatalogService.READERS;

import id.lapak.tenant.audit.AuditEvent;
import id.lapak.tenant.audit.AuditLog;
import id.lapak.tenant.context.TenantContext;
import id.lapak.tenant.store.StoreScope;
import id.lapak.tenant.store.StoreService;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prices outside the item form: a variant's catalog price on its own (quick edit, bulk updates), a store's own
 * price and availability, and the history of both. Merchant admins change them; a store manager reads their stores'
 * prices only.
 */
@Service
public class PriceService {

    private final CatalogService catalog;
    private final VariantRepository variants;
    private final StoreVariantRepository storeVariants;
    private final PriceHistory history;
    private final CatalogVersions versions;
    private final AuditLog auditLog;
    private final JdbcClient jdbc;
    private final StoreService stores;

    PriceService(
            CatalogService catalog,
            VariantRepository variants,
            StoreVariantRepository storeVariants,
            PriceHistory history,
            CatalogVersions versions,
            AuditLog auditLog,
            JdbcClient jdbc,
            StoreService stores) {
        this.catalog = catalog;
        this.variants = variants;
        this.storeVariants = storeVariants;
        this.history = history;
        this.versions = versions;
        this.auditLog = auditLog;
        this.jdbc = jdbc;
        this.stores = stores;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<PriceChange> priceHistory(UUID variantId) {
        UUID tenant = TenantContext.requireTenant();
        StoreScope scope = StoreScope.current();
        // Catalog prices (no store) for everyone; a store's own prices only within the person's stores.
        return jdbc.sql("""
                        select variant_id, store_id, old_price_minor, new_price_minor, changed_by, changed_at, source
                        from catalog_price_change where tenant_id = ? and variant_id = ?
                          and (store_id is null or ? or store_id = any(?::uuid[]))
                        order by changed_at desc, id limit 200""")
                .params(tenant, variantId, scope.isAll(), scope.sqlArray())
                .query((rs, n) -> new PriceChange(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        (Long) rs.getObject(3),
                        (Long) rs.getObject(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getString(7)))
                .list();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<StoreOverride> storeOverrides(UUID variantId) {
        TenantContext.requireTenant();
        StoreScope scope = StoreScope.current();
        return storeVariants.findByVariant(variantId).stream()
                .map(StoreVariant::details)
                .filter(override -> scope.allows(override.storeId()))
                .toList();
    }

    /** Changes only the catalog price of one variant (quick edit, bulk price updates). */
    @Transactional
    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
    public VariantSummary changePrice(UUID variantId, long priceMinor) {
        TenantContext.requireTenant();
        if (priceMinor < 0 || priceMinor > MAX_PRICE_MINOR) {
            throw new InvalidCatalogException(List.of(new CatalogProblem("priceMinor", "catalog.error.price.range")));
        }
        Variant variant = variants.findById(variantId)
                .filter(v -> !v.isDeleted())
                .orElseThrow(() -> new CatalogNotFoundException("variant", variantId));
        Item item = catalog.visible(variant.getItemId());
        long before = variant.getPriceMinor();
        if (before != priceMinor) {
            long version = versions.next();
            variant.apply(
                    new VariantForm(
                            variant.getId(),
                            variant.getName(),
                            variant.getSku(),
                            variant.getBarcode(),
                            priceMinor,
                            variant.getCostMinor(),
                            variant.isActive()),
                    variant.getPosition(),
                    version);
            catalog.flush();
            history.record(variantId, null, before, priceMinor, "PORTAL");
            auditLog.record(AuditEvent.of("catalog.price_changed", "CatalogVariant", variantId)
                    .change("priceMinor", before, priceMinor)
                    .detail("sku", variant.getSku()));
        }
        return CatalogService.summary(variant, item);
    }

    /**
     * A store's own price ({@code null}: the catalog price) and availability for a variant. Back to the catalog price
     * and available removes the override.
     */
    @Transactional
    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
    public Optional<StoreOverride> setStoreOverride(UUID storeId, UUID variantId, Long priceMinor, boolean available) {
        TenantContext.requireTenant();
        stores.get(storeId);
        if (priceMinor != null && (priceMinor < 0 || priceMinor > MAX_PRICE_MINOR)) {
            throw new InvalidCatalogException(List.of(new CatalogProblem("priceMinor", "catalog.error.price.range")));
        }
        Variant variant = variants.findById(variantId)
                .filter(v -> !v.isDeleted())
                .orElseThrow(() -> new CatalogNotFoundException("variant", variantId));
        StoreVariant.Key key = new StoreVariant.Key(storeId, variantId);
        Optional<StoreVariant> found = storeVariants.findById(key);
        Long before = found.filter(s -> !s.isDeleted())
                .map(StoreVariant::getPriceMinor)
                .orElse(null);
        boolean availableBefore =
                found.filter(s -> !s.isDeleted()).map(StoreVariant::isAvailable).orElse(true);
        if (Objects.equals(before, priceMinor) && availableBefore == available) {
            return found.filter(s -> !s.isDeleted()).map(StoreVariant::details);
        }
        long version = versions.next();
        StoreVariant row = found.orElseGet(() -> new StoreVariant(key));
        if (priceMinor == null && available) {
            row.clear(version);
        } else {
            row.apply(priceMinor, available, version);
        }
        storeVariants.save(row);
        catalog.flush();
        if (!Objects.equals(before, priceMinor)) {
            history.record(variantId, storeId, before, priceMinor, "PORTAL");
        }
        auditLog.record(AuditEvent.of("catalog.store_price_changed", "CatalogVariant", variantId)
                .change("priceMinor", before, priceMinor)
                .change("available", availableBefore, available)
                .detail("storeId", storeId)
                .detail("sku", variant.getSku()));
        return row.isDeleted() ? Optional.empty() : Optional.of(row.details());
    }
}

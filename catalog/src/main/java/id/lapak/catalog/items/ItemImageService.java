package id.lapak.catalog.items;

import static id.lapak.catalog.items.CatalogService.READERS;

import id.lapak.tenant.audit.AuditEvent;
import id.lapak.tenant.audit.AuditLog;
import id.lapak.tenant.context.TenantContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An item's picture, kept in the database beside the item: setting or removing it takes a catalog version, so
 * devices fetch the new one with their next catalog pull.
 */
@Service
public class ItemImageService {

    private final CatalogService catalog;
    private final CatalogVersions versions;
    private final AuditLog auditLog;
    private final JdbcClient jdbc;

    ItemImageService(CatalogService catalog, CatalogVersions versions, AuditLog auditLog, JdbcClient jdbc) {
        this.catalog = catalog;
        this.versions = versions;
        this.auditLog = auditLog;
        this.jdbc = jdbc;
    }

    /** An item's image: PNG, JPEG or WebP (recognised by its first bytes, not its name), at most 512 KB. */
    @Transactional
    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
    public void setImage(UUID itemId, byte[] data) {
        UUID tenant = TenantContext.requireTenant();
        Item item = catalog.visible(itemId);
        String type = ItemImage.contentType(data);
        long version = versions.next();
        jdbc.sql("""
                        insert into catalog_item_image (tenant_id, item_id, content_type, data, updated_at)
                        values (?, ?, ?, ?, ?)
                        on conflict (tenant_id, item_id) do update
                        set content_type = excluded.content_type, data = excluded.data,
                            updated_at = excluded.updated_at""")
                .params(tenant, itemId, type, data, Timestamp.from(Instant.now()))
                .update();
        item.imageChanged(true, version);
        catalog.flush();
        auditLog.record(AuditEvent.of("catalog.image_changed", "CatalogItem", itemId)
                .detail("contentType", type)
                .detail("bytes", data.length));
    }

    @Transactional
    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
    public void removeImage(UUID itemId) {
        UUID tenant = TenantContext.requireTenant();
        Item item = catalog.visible(itemId);
        int removed = jdbc.sql("delete from catalog_item_image where tenant_id = ? and item_id = ?")
                .params(tenant, itemId)
                .update();
        if (removed > 0) {
            item.imageChanged(false, versions.next());
            catalog.flush();
            auditLog.record(AuditEvent.of("catalog.image_removed", "CatalogItem", itemId));
        }
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public Optional<ItemImage> image(UUID itemId) {
        UUID tenant = TenantContext.requireTenant();
        return jdbc.sql("select content_type, data from catalog_item_image where tenant_id = ? and item_id = ?")
                .params(tenant, itemId)
                .query((rs, n) -> new ItemImage(rs.getString(1), rs.getBytes(2)))
                .optional();
    }
}

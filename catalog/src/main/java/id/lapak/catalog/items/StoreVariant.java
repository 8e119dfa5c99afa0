package id.lapak.catalog.items;

import id.lapak.tenant.context.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A store's own price (null: the catalog price) and availability for one variant. */
@Entity
@Table(name = "catalog_store_variant")
class StoreVariant extends TenantScopedEntity {

    @Embeddable
    record Key(
            @Column(name = "store_id") UUID storeId,
            @Column(name = "variant_id") UUID variantId) implements Serializable {}

    @EmbeddedId
    private Key key;

    @Column(name = "price_minor")
    private Long priceMinor;

    @Column(nullable = false)
    private boolean available;

    @Column(nullable = false)
    private boolean deleted;

    @Column(name = "catalog_version", nullable = false)
    private long catalogVersion;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected StoreVariant() {}

    StoreVariant(Key key) {
        this.key = key;
        this.available = true;
    }

    void apply(Long priceMinor, boolean available, long catalogVersion) {
        this.priceMinor = priceMinor;
        this.available = available;
        this.deleted = false;
        this.catalogVersion = catalogVersion;
        this.updatedAt = Instant.now();
    }

    /** Back to the catalog price and available: the row stays as a tombstone for the devices. */
    void clear(long catalogVersion) {
        this.priceMinor = null;
        this.available = true;
        this.deleted = true;
        this.catalogVersion = catalogVersion;
        this.updatedAt = Instant.now();
    }

    Key getKey() {
        return key;
    }

    Long getPriceMinor() {
        return priceMinor;
    }

    boolean isAvailable() {
        return available;
    }

    boolean isDeleted() {
        return deleted;
    }

    StoreOverride details() {
        return new StoreOverride(key.storeId(), key.variantId(), priceMinor, available);
    }
}

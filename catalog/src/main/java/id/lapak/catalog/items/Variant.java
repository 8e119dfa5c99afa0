package id.lapak.catalog.items;

import id.lapak.tenant.context.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The sellable unit of an item (a size, a colour), with its own SKU, barcode and price. */
@Entity
@Table(name = "catalog_variant")
class Variant extends TenantScopedEntity {

    @Id
    private UUID id;

    @Column(name = "item_id", nullable = false, updatable = false)
    private UUID itemId;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String sku;

    private String barcode;

    @Column(name = "price_minor", nullable = false)
    private long priceMinor;

    @Column(name = "cost_minor")
    private Long costMinor;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private boolean active;

    @Column(nullable = false)
    private boolean deleted;

    @Column(name = "catalog_version", nullable = false)
    private long catalogVersion;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Variant() {}

    Variant(UUID id, UUID itemId, VariantForm form, int position, long catalogVersion) {
        this.id = id;
        this.itemId = itemId;
        this.createdAt = Instant.now();
        apply(form, position, catalogVersion);
    }

    /** True when anything the catalog shows changed. */
    boolean apply(VariantForm form, int position, long catalogVersion) {
        String newName = form.name() == null ? "" : form.name().strip();
        String newSku = form.sku().strip();
        String newBarcode = form.barcode() == null || form.barcode().isBlank()
                ? null
                : form.barcode().strip();
        boolean changed = !newName.equals(name)
                || !newSku.equals(sku)
                || !Objects.equals(newBarcode, barcode)
                || form.priceMinor() != priceMinor
                || !Objects.equals(form.costMinor(), costMinor)
                || form.active() != active
                || position != this.position;
        this.name = newName;
        this.sku = newSku;
        this.barcode = newBarcode;
        this.priceMinor = form.priceMinor();
        this.costMinor = form.costMinor();
        this.active = form.active();
        this.position = position;
        if (changed) {
            this.catalogVersion = catalogVersion;
            this.updatedAt = Instant.now();
        }
        return changed;
    }

    void delete(long catalogVersion) {
        this.deleted = true;
        this.active = false;
        this.catalogVersion = catalogVersion;
        this.updatedAt = Instant.now();
    }

    /** The item's activity is part of what a device sees for the variant. */
    void touch(long catalogVersion) {
        this.catalogVersion = catalogVersion;
        this.updatedAt = Instant.now();
    }

    UUID getId() {
        return id;
    }

    UUID getItemId() {
        return itemId;
    }

    String getSku() {
        return sku;
    }

    String getBarcode() {
        return barcode;
    }

    long getPriceMinor() {
        return priceMinor;
    }

    Long getCostMinor() {
        return costMinor;
    }

    boolean isDeleted() {
        return deleted;
    }

    boolean isActive() {
        return active;
    }

    String getName() {
        return name;
    }

    int getPosition() {
        return position;
    }

    VariantDetails details() {
        return new VariantDetails(id, itemId, name, sku, barcode, priceMinor, costMinor, active, position);
    }
}

package id.lapak.catalog.items;

import id.lapak.tenant.context.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "catalog_item")
class Item extends TenantScopedEntity {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String name;

    private String description;

    @Column(name = "category_id")
    private UUID categoryId;

    @Column(name = "tax_category_id", nullable = false)
    private UUID taxCategoryId;

    @Column(nullable = false)
    private String unit;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "has_image", nullable = false)
    private boolean hasImage;

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

    protected Item() {}

    Item(UUID id, ItemForm form, UUID taxCategoryId, long catalogVersion) {
        this.id = id;
        this.createdAt = Instant.now();
        apply(form, taxCategoryId, catalogVersion);
    }

    void apply(ItemForm form, UUID taxCategoryId, long catalogVersion) {
        this.name = form.name().strip();
        this.description = form.description() == null || form.description().isBlank()
                ? null
                : form.description().strip();
        this.categoryId = form.categoryId();
        this.taxCategoryId = taxCategoryId;
        this.unit = form.unit().strip();
        this.active = form.active();
        touch(catalogVersion);
    }

    void imageChanged(boolean present, long catalogVersion) {
        this.hasImage = present;
        touch(catalogVersion);
    }

    void delete(long catalogVersion) {
        this.deleted = true;
        this.active = false;
        touch(catalogVersion);
    }

    private void touch(long catalogVersion) {
        this.catalogVersion = catalogVersion;
        this.updatedAt = Instant.now();
    }

    UUID getId() {
        return id;
    }

    String getName() {
        return name;
    }

    String getUnit() {
        return unit;
    }

    UUID getCategoryId() {
        return categoryId;
    }

    UUID getTaxCategoryId() {
        return taxCategoryId;
    }

    String getDescription() {
        return description;
    }

    boolean isActive() {
        return active;
    }

    boolean isDeleted() {
        return deleted;
    }

    boolean hasImage() {
        return hasImage;
    }

    long getVersion() {
        return version;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }
}

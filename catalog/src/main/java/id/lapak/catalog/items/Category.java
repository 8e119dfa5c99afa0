package id.lapak.catalog.items;

import id.lapak.tenant.context.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "catalog_category")
class Category extends TenantScopedEntity {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String name;

    @Column(name = "parent_id")
    private UUID parentId;

    @Column(nullable = false)
    private boolean deleted;

    @Column(name = "catalog_version", nullable = false)
    private long catalogVersion;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Category() {}

    Category(UUID id, String name, UUID parentId, long catalogVersion) {
        this.id = id;
        apply(name, parentId, catalogVersion);
    }

    void apply(String name, UUID parentId, long catalogVersion) {
        this.name = name.strip();
        this.parentId = parentId;
        this.catalogVersion = catalogVersion;
        this.updatedAt = Instant.now();
    }

    void delete(long catalogVersion) {
        this.deleted = true;
        this.catalogVersion = catalogVersion;
        this.updatedAt = Instant.now();
    }

    UUID getId() {
        return id;
    }

    UUID getParentId() {
        return parentId;
    }

    boolean isDeleted() {
        return deleted;
    }

    CategoryDetails details() {
        return new CategoryDetails(id, name, parentId);
    }
}

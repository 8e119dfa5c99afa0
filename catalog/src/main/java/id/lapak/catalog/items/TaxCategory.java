package id.lapak.catalog.items;

import id.lapak.tenant.context.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "tax_category")
class TaxCategory extends TenantScopedEntity {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TaxKind kind;

    @Column(precision = 5, scale = 2)
    private BigDecimal rate;

    @Column(nullable = false)
    private boolean deleted;

    @Column(name = "catalog_version", nullable = false)
    private long catalogVersion;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected TaxCategory() {}

    TaxCategory(UUID id, String name, TaxKind kind, BigDecimal rate, long catalogVersion) {
        this.id = id;
        apply(name, kind, rate, catalogVersion);
    }

    void apply(String name, TaxKind kind, BigDecimal rate, long catalogVersion) {
        this.name = name.strip();
        this.kind = kind;
        this.rate = kind == TaxKind.CUSTOM ? rate : null;
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

    boolean isDeleted() {
        return deleted;
    }

    TaxCategoryDetails details() {
        return new TaxCategoryDetails(id, name, kind, rate);
    }
}

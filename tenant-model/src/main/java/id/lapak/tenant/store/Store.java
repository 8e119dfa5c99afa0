package id.lapak.tenant.store;

import id.lapak.tenant.context.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.UUID;

@Entity
@Table(name = "store")
class Store extends TenantScopedEntity {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String address;

    @Column(nullable = false)
    private String city;

    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(name = "tax_registered", nullable = false)
    private boolean taxRegistered;

    @Column(name = "tax_rate", nullable = false, precision = 5, scale = 2)
    private BigDecimal taxRate;

    @Column(name = "prices_include_tax", nullable = false)
    private boolean pricesIncludeTax;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Store() {}

    Store(UUID id, StoreForm form) {
        this.id = id;
        this.active = true;
        this.createdAt = Instant.now();
        apply(form);
    }

    void apply(StoreForm form) {
        this.name = form.name().strip();
        this.address = form.address().strip();
        this.city = form.city().strip();
        this.timeZone = form.timeZone().getId();
        this.currency = form.currency().getCurrencyCode();
        this.taxRegistered = form.taxRegistered();
        this.taxRate = form.taxRate();
        this.pricesIncludeTax = form.pricesIncludeTax();
        this.updatedAt = Instant.now();
    }

    /** Deactivating twice is a no-op, not an error: the outcome the merchant asked for already holds. */
    void deactivate() {
        if (active) {
            active = false;
            updatedAt = Instant.now();
        }
    }

    void reactivate() {
        if (!active) {
            active = true;
            updatedAt = Instant.now();
        }
    }

    UUID getId() {
        return id;
    }

    long getVersion() {
        return version;
    }

    StoreDetails details() {
        return new StoreDetails(
                id,
                name,
                address,
                city,
                ZoneId.of(timeZone),
                Currency.getInstance(currency),
                taxRegistered,
                taxRate,
                pricesIncludeTax,
                active,
                version,
                createdAt,
                updatedAt);
    }
}

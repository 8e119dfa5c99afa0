package id.lapak.tenant;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A merchant company. The tenant row itself is protected by row-level security on its own id. */
@Entity
@Table(name = "tenant")
class Tenant {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String name;

    @Column(name = "legal_name", nullable = false)
    private String legalName;

    @Column(nullable = false, length = 2)
    private String country;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TenantStatus status;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Tenant() {
    }

    Tenant(UUID id, String name, String legalName, String country, Currency currency, ZoneId timeZone) {
        this.id = id;
        this.name = name;
        this.legalName = legalName;
        this.country = country;
        this.currency = currency.getCurrencyCode();
        this.timeZone = timeZone.getId();
        this.status = TenantStatus.ACTIVE;
        this.createdAt = Instant.now();
    }

    TenantDetails details() {
        return new TenantDetails(id, name, legalName, country, Currency.getInstance(currency), ZoneId.of(timeZone),
                status, createdAt);
    }

    UUID getId() {
        return id;
    }
}

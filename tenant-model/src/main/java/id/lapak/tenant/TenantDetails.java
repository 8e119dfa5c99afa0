package id.lapak.tenant;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.UUID;

public record TenantDetails(
        UUID id,
        String name,
        String legalName,
        String country,
        Currency currency,
        ZoneId timeZone,
        TenantStatus status,
        Instant createdAt) {

    public boolean active() {
        return status == TenantStatus.ACTIVE;
    }
}

package id.lapak.tenant.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.UUID;

public record StoreDetails(
        UUID id,
        String name,
        String address,
        String city,
        ZoneId timeZone,
        Currency currency,
        boolean taxRegistered,
        BigDecimal taxRate,
        boolean pricesIncludeTax,
        boolean active,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public StoreForm toForm() {
        return new StoreForm(name, address, city, timeZone, currency, taxRegistered, taxRate, pricesIncludeTax);
    }
}

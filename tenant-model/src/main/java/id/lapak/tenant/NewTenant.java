package id.lapak.tenant;

import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.UUID;

/** What it takes to open a tenant. Currency defaults to IDR and time zone to Asia/Jakarta. */
public record NewTenant(UUID id, String name, String legalName, String country, Currency currency, ZoneId timeZone) {

    public static final Currency DEFAULT_CURRENCY = Currency.getInstance("IDR");
    public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("Asia/Jakarta");

    public NewTenant {
        if (id == null || name == null || name.isBlank() || legalName == null || legalName.isBlank()) {
            throw new IllegalArgumentException("A tenant needs an id, a name and a legal name");
        }
        country = country == null || country.isBlank() ? "ID" : country.toUpperCase(Locale.ROOT);
        currency = currency == null ? DEFAULT_CURRENCY : currency;
        timeZone = timeZone == null ? DEFAULT_TIME_ZONE : timeZone;
    }
}

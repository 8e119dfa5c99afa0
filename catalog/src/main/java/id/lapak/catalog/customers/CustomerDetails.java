package id.lapak.catalog.customers;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A customer as the portal shows it. After erasure every personal field is null and {@code erased} is true. */
public record CustomerDetails(
        UUID id,
        String name,
        String phone,
        String email,
        String notes,
        Set<String> tags,
        boolean marketingConsent,
        Instant marketingConsentAt,
        boolean erased,
        Instant erasedAt,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public CustomerForm toForm() {
        return new CustomerForm(
                name,
                phone == null ? "" : phone,
                email == null ? "" : email,
                notes == null ? "" : notes,
                tags,
                marketingConsent);
    }
}

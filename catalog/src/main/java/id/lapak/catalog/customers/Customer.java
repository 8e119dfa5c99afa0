package id.lapak.catalog.customers;

import id.lapak.tenant.context.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@Entity
@Table(name = "customer")
class Customer extends TenantScopedEntity {

    enum Status {
        ACTIVE,
        MERGED,
        ERASED
    }

    @Id
    private UUID id;

    private String name;

    private String phone;

    @Column(name = "phone_digits", insertable = false, updatable = false)
    private String phoneDigits;

    private String email;

    private String notes;

    @Column(nullable = false)
    private String tags;

    @Column(name = "marketing_consent", nullable = false)
    private boolean marketingConsent;

    @Column(name = "marketing_consent_at")
    private Instant marketingConsentAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "merged_into")
    private UUID mergedInto;

    @Column(name = "erased_at")
    private Instant erasedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Customer() {}

    Customer(UUID id, CustomerForm form, Instant now) {
        this.id = id;
        this.status = Status.ACTIVE;
        this.createdAt = now;
        apply(form, now);
    }

    /** Applies the form; consent keeps its original date while it stays given, and gets a new one when given again. */
    void apply(CustomerForm form, Instant now) {
        requireActive();
        this.name = form.name().strip();
        this.phone = CustomerForm.blank(form.phone()) ? null : form.phone().strip();
        this.email = CustomerForm.blank(form.email()) ? null : form.email().strip();
        this.notes = CustomerForm.blank(form.notes()) ? null : form.notes().strip();
        this.tags = encode(form.normalisedTags());
        if (form.marketingConsent() && !marketingConsent) {
            marketingConsentAt = now;
        } else if (!form.marketingConsent()) {
            marketingConsentAt = null;
        }
        this.marketingConsent = form.marketingConsent();
        this.updatedAt = now;
    }

    /** Takes what the duplicate knows and this record lacks; tags are joined and notes appended. */
    void absorb(Customer duplicate, Instant now) {
        requireActive();
        duplicate.requireActive();
        if (phone == null) {
            phone = duplicate.phone;
        }
        if (email == null) {
            email = duplicate.email;
        }
        if (duplicate.notes != null) {
            String joined = notes == null ? duplicate.notes : notes + "\n" + duplicate.notes;
            notes = joined.length() > CustomerForm.NOTES_MAX ? joined.substring(0, CustomerForm.NOTES_MAX) : joined;
        }
        Set<String> all = new LinkedHashSet<>(tagSet());
        all.addAll(duplicate.tagSet());
        tags = encode(all);
        if (!marketingConsent && duplicate.marketingConsent) {
            marketingConsent = true;
            marketingConsentAt = duplicate.marketingConsentAt;
        }
        updatedAt = now;
    }

    /** The duplicate keeps only its id, pointing at the survivor, so sales naming it still find the customer. */
    void mergedInto(UUID survivor, Instant now) {
        clearPersonalData();
        status = Status.MERGED;
        mergedInto = survivor;
        updatedAt = now;
    }

    /** Personal data rights: every personal field goes; the id and the purchase rows stay, anonymous. */
    void erase(Instant now) {
        requireActive();
        clearPersonalData();
        status = Status.ERASED;
        erasedAt = now;
        updatedAt = now;
    }

    private void clearPersonalData() {
        name = null;
        phone = null;
        email = null;
        notes = null;
        tags = "";
        marketingConsent = false;
        marketingConsentAt = null;
    }

    private void requireActive() {
        if (status != null && status != Status.ACTIVE) {
            throw new CustomerNotFoundException(id);
        }
    }

    UUID getId() {
        return id;
    }

    long getVersion() {
        return version;
    }

    Status getStatus() {
        return status;
    }

    UUID getMergedInto() {
        return mergedInto;
    }

    Set<String> tagSet() {
        if (tags == null || tags.isEmpty()) {
            return Set.of();
        }
        return Arrays.stream(tags.split(","))
                .filter(t -> !t.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    static String encode(Set<String> tags) {
        return tags.isEmpty() ? "" : "," + String.join(",", tags) + ",";
    }

    CustomerDetails details() {
        return new CustomerDetails(
                id,
                name,
                phone,
                email,
                notes,
                tagSet(),
                marketingConsent,
                marketingConsentAt,
                status == Status.ERASED,
                erasedAt,
                createdAt,
                updatedAt,
                version);
    }
}

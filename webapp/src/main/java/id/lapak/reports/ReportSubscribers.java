package id.lapak.reports;

import id.lapak.tenant.access.Role;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who a subscriber is now, as the identity provider knows them: asked before each scheduled report is sent, so a
 * person who was disabled, lost their role or a store gets nothing they may no longer see.
 */
public interface ReportSubscribers {

    /** A person's current access and address. */
    record Subscriber(String subject, String email, Role role, Set<UUID> storeIds, boolean enabled) {}

    /**
     * The person of the tenant with this subject; empty when they are gone. Throws when the identity provider cannot
     * be asked (the report then waits for the next run).
     */
    Optional<Subscriber> find(UUID tenantId, String subject);
}

package id.lapak.tenant.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * Filters for reading the audit log. {@code tenantId}: one tenant's chain (merchant admins always get their own,
 * whatever they pass); null for support means every chain, the platform's included. {@code actor} matches the
 * actor's name or id, {@code action} an action or its prefix ({@code store.}); {@code from} inclusive, {@code to}
 * exclusive. Blank or null filters are ignored.
 */
public record AuditQuery(UUID tenantId, String actor, String action, Instant from, Instant to) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null);
    }

    public AuditQuery forTenant(UUID tenant) {
        return new AuditQuery(tenant, actor, action, from, to);
    }
}
